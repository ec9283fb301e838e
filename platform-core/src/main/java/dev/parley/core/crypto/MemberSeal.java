package dev.parley.core.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a request one cluster member passes on to another, so that the receiver can tell it from a
 * client that merely sends the same marker header: an HMAC-SHA256 of the sending member, the path
 * and query and the time, keyed by a key derived from an encryption key, which every member of a
 * cluster must share. A seal names its key, holds for {@link #VALIDITY} either way of the
 * receiver's clock, and verifies with any key of the ring (so rotation does not break it).
 */
@ApplicationScoped
public class MemberSeal {

  /** How far a seal's time may be from the receiver's clock. */
  static final Duration VALIDITY = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] PURPOSE = "parley member seal v1".getBytes(StandardCharsets.US_ASCII);

  private KeyRing ring;
  private Map<String, SecretKeySpec> sealKeys;
  private Clock clock;

  /** For CDI proxies. */
  protected MemberSeal() {}

  /** Seals with the configured keys. */
  @Inject
  public MemberSeal(EncryptionKeys keys) {
    this(keys.ring(), Clock.systemUTC());
  }

  /** Seals with these keys and this clock (tests). */
  public MemberSeal(KeyRing ring, Clock clock) {
    this.ring = ring;
    this.clock = clock;
    Map<String, SecretKeySpec> derived = new HashMap<>();
    for (String id : ring.ids()) {
      derived.put(id, derive(ring.find(id).orElseThrow()));
    }
    this.sealKeys = Map.copyOf(derived);
  }

  /**
   * The seal of a request passed on now.
   *
   * @param member the sending member's name
   * @param pathAndQuery the request's raw path and query
   */
  public String seal(String member, String pathAndQuery) {
    EncryptionKey key = ring.active();
    long millis = clock.millis();
    return key.id() + ":" + millis + ":" + mac(key.id(), member, pathAndQuery, millis);
  }

  /** Whether the seal is one a member with these keys made for this request within its validity. */
  public boolean verifies(String seal, String member, String pathAndQuery) {
    String[] parts = seal == null ? new String[0] : seal.split(":", 3);
    if (parts.length != 3) {
      return false;
    }
    String keyId = parts[0];
    long millis;
    try {
      millis = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    if (!sealKeys.containsKey(keyId) || Math.abs(clock.millis() - millis) > VALIDITY.toMillis()) {
      return false;
    }
    byte[] expected = mac(keyId, member, pathAndQuery, millis).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII));
  }

  /** The sealing key of an encryption key: HMAC-SHA256 of the purpose under it, made once. */
  private static SecretKeySpec derive(EncryptionKey key) {
    try {
      Mac derive = Mac.getInstance(ALGORITHM);
      derive.init(new SecretKeySpec(key.secret().getEncoded(), ALGORITHM));
      return new SecretKeySpec(derive.doFinal(PURPOSE), ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private String mac(String keyId, String member, String pathAndQuery, long millis) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(sealKeys.get(keyId));
      String signed = member + "\n" + pathAndQuery + "\n" + millis;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
