package dev.parley.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadCipherTest {

  private static final String EVENTS =
      "[{\"event\":\"user\",\"text\":\"13912345678\"},"
          + "{\"event\":\"slot\",\"name\":\"phone\",\"value\":\"13912345678\"}]";
  private static final String CONTEXT = "parley/event-batch/conv-a/3";

  private final EncryptionKey k1 = TestKeys.key("k1");
  private final EncryptionKey k2 = TestKeys.key("k2");

  @Test
  void sealedTextOpensToTheSameTextAndHidesIt() {
    PayloadCipher cipher = new PayloadCipher(KeyRing.of(k1));
    String sealed = cipher.seal(EVENTS, CONTEXT);
    assertTrue(sealed.startsWith("v1:k1:"), sealed);
    assertFalse(sealed.contains("13912345678"));
    assertEquals(EVENTS, cipher.open(sealed, CONTEXT));
    assertEquals("ünïcødé 套餐", cipher.open(cipher.seal("ünïcødé 套餐", CONTEXT), CONTEXT));
  }

  @Test
  void everySealUsesAFreshIv() {
    PayloadCipher cipher = new PayloadCipher(KeyRing.of(k1));
    String first = cipher.seal(EVENTS, CONTEXT);
    String second = cipher.seal(EVENTS, CONTEXT);
    assertNotEquals(first, second);
    assertNotEquals(ivOf(first), ivOf(second));
    assertEquals(12, Base64.getDecoder().decode(ivOf(first)).length);
  }

  @Test
  void aValueMovedToAnotherConversationOrPositionDoesNotOpen() {
    PayloadCipher cipher = new PayloadCipher(KeyRing.of(k1));
    String sealed = cipher.seal(EVENTS, CONTEXT);
    PayloadCipherException other =
        assertThrows(
            PayloadCipherException.class, () -> cipher.open(sealed, "parley/event-batch/conv-b/3"));
    assertFalse(other.getMessage().contains("13912345678"));
    assertThrows(
        PayloadCipherException.class, () -> cipher.open(sealed, "parley/event-batch/conv-a/4"));
  }

  @Test
  void aChangedCiphertextDoesNotOpen() {
    PayloadCipher cipher = new PayloadCipher(KeyRing.of(k1));
    String sealed = cipher.seal(EVENTS, CONTEXT);
    String prefix = "v1:k1:";
    byte[] data = Base64.getDecoder().decode(sealed.substring(prefix.length()));
    data[data.length / 2] ^= 1;
    String tampered = prefix + Base64.getEncoder().encodeToString(data);
    assertThrows(PayloadCipherException.class, () -> cipher.open(tampered, CONTEXT));
    assertThrows(PayloadCipherException.class, () -> cipher.open(prefix + "AAAA", CONTEXT));
    assertThrows(PayloadCipherException.class, () -> cipher.open(prefix + "not*base64", CONTEXT));
  }

  @Test
  void afterRotationOldValuesOpenAndNewOnesUseTheNewKey() {
    String underK1 = new PayloadCipher(KeyRing.of(k1)).seal(EVENTS, CONTEXT);
    PayloadCipher rotated = new PayloadCipher(KeyRing.of(k2, k1));
    assertEquals(EVENTS, rotated.open(underK1, CONTEXT));
    assertFalse(rotated.isCurrent(underK1));
    String underK2 = rotated.seal(EVENTS, CONTEXT);
    assertEquals(Optional.of("k2"), PayloadCipher.keyIdOf(underK2));
    assertTrue(rotated.isCurrent(underK2));
    assertEquals(EVENTS, rotated.open(underK2, CONTEXT));
  }

  @Test
  void aValueUnderAnUnknownKeyNamesTheKeyOnly() {
    String underK1 = new PayloadCipher(KeyRing.of(k1)).seal(EVENTS, CONTEXT);
    PayloadCipherException error =
        assertThrows(
            PayloadCipherException.class,
            () -> new PayloadCipher(KeyRing.of(k2)).open(underK1, CONTEXT));
    assertTrue(error.getMessage().contains("'k1'"), error.getMessage());
  }

  @Test
  void textStoredBeforeEncryptionIsReadAsItIs() {
    PayloadCipher cipher = new PayloadCipher(KeyRing.of(k1));
    assertEquals(EVENTS, cipher.open(EVENTS, CONTEXT));
    assertEquals(Optional.empty(), PayloadCipher.keyIdOf(EVENTS));
    assertFalse(cipher.isCurrent(EVENTS));
  }

  private static String ivOf(String sealed) {
    byte[] data = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(data, 12));
  }
}
