package dev.parley.core.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/** Random keys for tests. */
final class TestKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeys() {}

  static byte[] material() {
    byte[] bytes = new byte[KeyRing.KEY_BYTES];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static EncryptionKey key(String id) {
    return new EncryptionKey(id, new SecretKeySpec(material(), "AES"));
  }

  static String entry(String id, byte[] material) {
    return id + ":" + Base64.getEncoder().encodeToString(material);
  }
}
