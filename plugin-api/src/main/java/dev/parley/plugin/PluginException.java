package dev.parley.plugin;

/** Thrown by plugins for configuration they cannot honour or failures they cannot recover from. */
public class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message a bot author can act on. */
  public PluginException(String message) {
    super(message);
  }

  /** A failure caused by another exception. */
  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
