package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * The active loop was interrupted by another action, or resumed ({@code loop_interrupted}).
 *
 * @param isInterrupted whether it is interrupted
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record LoopInterrupted(boolean isInterrupted, double timestamp, Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "loop_interrupted";

  /** Normalises null metadata. */
  public LoopInterrupted {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** An interruption flag now. */
  public static LoopInterrupted of(boolean interrupted) {
    return new LoopInterrupted(interrupted, Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
