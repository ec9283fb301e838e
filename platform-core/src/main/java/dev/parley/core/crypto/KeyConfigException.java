package dev.parley.core.crypto;

/** The encryption key configuration is unusable; the message never contains key material. */
public class KeyConfigException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** A problem described by its message. */
  public KeyConfigException(String message) {
    super(message);
  }

  /** A problem with an underlying cause (e.g. an unreadable key file). */
  public KeyConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
