package dev.parley.core.crypto;

/** A value could not be encrypted or decrypted; the message never contains the value or a key. */
public class PayloadCipherException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by its message. */
  public PayloadCipherException(String message) {
    super(message);
  }

  /** A failure with its cause. */
  public PayloadCipherException(String message, Throwable cause) {
    super(message, cause);
  }
}
