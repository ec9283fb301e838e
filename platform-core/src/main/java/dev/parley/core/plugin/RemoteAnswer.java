package dev.parley.core.plugin;

import java.util.Optional;

/**
 * What one bounded attempt of a {@link RemoteCall} gave: the plugin's answer, or the reason there
 * is none. Not generic, so that MicroProfile Fault Tolerance's fallback handler can produce it.
 *
 * @param value the answer (of the call's result type) when there is one
 * @param failure the reason code when the attempt failed
 */
public record RemoteAnswer(Object value, Optional<String> failure) {

  /** The plugin answered. */
  public static RemoteAnswer answered(Object value) {
    return new RemoteAnswer(value, Optional.empty());
  }

  /** The attempt failed for that reason. */
  public static RemoteAnswer failed(String reason) {
    return new RemoteAnswer(null, Optional.of(reason));
  }
}
