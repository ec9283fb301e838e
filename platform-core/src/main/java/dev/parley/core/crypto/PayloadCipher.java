package dev.parley.core.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals stored text with AES-256-GCM under the active key: {@code v1:<key id>:<base64(iv |
 * ciphertext and tag)>}, a random 96-bit IV per value and associated data that binds the value to
 * where it is stored (so it cannot be moved elsewhere). Opening accepts any key of the ring, and
 * text without the {@code v1:} prefix (stored before encryption) as it is. Errors never contain the
 * text or the key.
 */
@ApplicationScoped
public class PayloadCipher {

  /** Prefix of sealed values. */
  public static final String PREFIX = "v1:";

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();
  private KeyRing ring;

  /** For CDI proxies. */
  protected PayloadCipher() {}

  /** Uses the configured keys. */
  @Inject
  public PayloadCipher(EncryptionKeys keys) {
    this(keys.ring());
  }

  /** Uses the given keys. */
  public PayloadCipher(KeyRing ring) {
    this.ring = ring;
  }

  /** The id of the key that seals new values. */
  public String activeKeyId() {
    return ring.active().id();
  }

  /** Seals a value under the active key, bound to {@code context}. */
  public String seal(String plaintext, String context) {
    EncryptionKey key = ring.active();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
      return PREFIX + key.id() + ':' + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new PayloadCipherException("cannot encrypt with key '" + key.id() + "'", e);
    }
  }

  /**
   * Opens a sealed value (or returns unsealed text as it is).
   *
   * @throws PayloadCipherException if the key is unknown, or the value was changed or sealed for
   *     another context
   */
  public String open(String stored, String context) {
    Optional<String> keyId = keyIdOf(stored);
    if (keyId.isEmpty()) {
      return stored;
    }
    EncryptionKey key =
        ring.find(keyId.get())
            .orElseThrow(
                () ->
                    new PayloadCipherException(
                        "the value is encrypted with key '"
                            + keyId.get()
                            + "', which is not configured"));
    byte[] data;
    try {
      data =
          Base64.getDecoder().decode(stored.substring(PREFIX.length() + keyId.get().length() + 1));
    } catch (IllegalArgumentException e) {
      throw new PayloadCipherException("the encrypted value is damaged (not base64)", e);
    }
    if (data.length < IV_BYTES + TAG_BITS / 8) {
      throw new PayloadCipherException("the encrypted value is damaged (too short)");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new PayloadCipherException(
          "cannot decrypt with key '"
              + key.id()
              + "': the value was changed or belongs to another record",
          e);
    }
  }

  /** Whether a stored value is sealed under the active key (else it needs re-encryption). */
  public boolean isCurrent(String stored) {
    return keyIdOf(stored).filter(ring.active().id()::equals).isPresent();
  }

  /** The key id of a sealed value; empty for unsealed text. */
  public static Optional<String> keyIdOf(String stored) {
    if (!stored.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int end = stored.indexOf(':', PREFIX.length());
    return end < 0 ? Optional.empty() : Optional.of(stored.substring(PREFIX.length(), end));
  }
}
