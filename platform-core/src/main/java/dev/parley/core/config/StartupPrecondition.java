package dev.parley.core.config;

/**
 * A part of the configuration that must be usable before the application does anything else (e.g.
 * the encryption keys load); the start-up checks run every one first and refuse to start on a
 * failure.
 */
public interface StartupPrecondition {

  /**
   * Checks the configuration.
   *
   * @throws IllegalStateException or {@link IllegalArgumentException} if it is unusable; the
   *     message says what is wrong and what to set, never a secret
   */
  void check();
}
