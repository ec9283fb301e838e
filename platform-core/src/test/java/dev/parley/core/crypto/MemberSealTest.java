package dev.parley.core.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MemberSealTest {

  private static final String PATH = "/api/tenants/t/bots/b/webhooks/rest/webhook";
  private static final Instant NOW = Instant.parse("2026-12-06T23:00:00Z");

  private final EncryptionKey current = key("k2", 2);
  private final EncryptionKey older = key("k1", 1);

  @Test
  void aSealVerifiesForItsMemberAndPathOnly() {
    MemberSeal seal = at(NOW, KeyRing.of(current));
    String made = seal.seal("node-a", PATH);
    assertTrue(seal.verifies(made, "node-a", PATH));
    assertFalse(seal.verifies(made, "node-b", PATH), "another member");
    assertFalse(seal.verifies(made, "node-a", PATH + "?x=1"), "another request");
    assertFalse(seal.verifies(made.substring(0, made.length() - 2) + "AA", "node-a", PATH));
    assertFalse(seal.verifies(null, "node-a", PATH), "no seal");
    assertFalse(seal.verifies("k2:not-a-time:abc", "node-a", PATH));
  }

  @Test
  void aSealHoldsFiveMinutesEitherWay() {
    String made = at(NOW, KeyRing.of(current)).seal("node-a", PATH);
    assertTrue(at(NOW.plusSeconds(299), KeyRing.of(current)).verifies(made, "node-a", PATH));
    assertTrue(at(NOW.minusSeconds(299), KeyRing.of(current)).verifies(made, "node-a", PATH));
    assertFalse(at(NOW.plusSeconds(301), KeyRing.of(current)).verifies(made, "node-a", PATH));
  }

  @Test
  void anyKeyOfTheRingVerifiesSoRotationDoesNotBreakIt() {
    String byOlder = at(NOW, KeyRing.of(older)).seal("node-a", PATH);
    assertTrue(at(NOW, KeyRing.of(current, older)).verifies(byOlder, "node-a", PATH));
    assertFalse(
        at(NOW, KeyRing.of(current)).verifies(byOlder, "node-a", PATH),
        "a member without that key");
    String forged = at(NOW, KeyRing.of(key("k1", 9))).seal("node-a", PATH);
    assertFalse(
        at(NOW, KeyRing.of(current, older)).verifies(forged, "node-a", PATH),
        "the same key id with another secret");
  }

  private static MemberSeal at(Instant now, KeyRing ring) {
    return new MemberSeal(ring, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static EncryptionKey key(String id, int fill) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) fill);
    return new EncryptionKey(id, new SecretKeySpec(secret, "AES"));
  }
}
