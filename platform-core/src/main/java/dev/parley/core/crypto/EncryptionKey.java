package dev.parley.core.crypto;

import javax.crypto.SecretKey;

/**
 * One 256-bit AES key and the id stored with everything it encrypts. Its text form names the id
 * only, never the key material.
 *
 * @param id the key id (letters, digits, {@code . _ -})
 * @param secret the AES key
 */
public record EncryptionKey(String id, SecretKey secret) {

  @Override
  public String toString() {
    return "EncryptionKey[" + id + "]";
  }
}
