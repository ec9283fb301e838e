package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * The given action runs next, whatever the policies predict ({@code followup}).
 *
 * @param name the action to run
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record FollowupAction(String name, double timestamp, Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "followup";

  /** Normalises null metadata. */
  public FollowupAction {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A follow-up now. */
  public static FollowupAction of(String name) {
    return new FollowupAction(name, Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
