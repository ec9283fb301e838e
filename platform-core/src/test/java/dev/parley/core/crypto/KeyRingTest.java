package dev.parley.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  private final byte[] one = TestKeys.material();
  private final byte[] two = TestKeys.material();

  @Test
  void theFirstKeyIsActiveAndAllAreFound() {
    KeyRing ring =
        KeyRing.parse(TestKeys.entry("new", one) + ", " + TestKeys.entry("old", two), "test");
    assertEquals("new", ring.active().id());
    assertEquals(2, ring.size());
    assertTrue(Arrays.equals(two, ring.find("old").orElseThrow().secret().getEncoded()));
    assertTrue(ring.find("other").isEmpty());
  }

  @Test
  void aKeyFileHasOneKeyPerLineWithComments() {
    KeyRing ring =
        KeyRing.parse(
            "# keys\n\n"
                + TestKeys.entry("k-2", one)
                + "\r\n"
                + TestKeys.entry("k_1.a", two)
                + "\n",
            "file");
    assertEquals("k-2", ring.active().id());
    assertTrue(ring.find("k_1.a").isPresent());
  }

  @Test
  void malformedEntriesAreNamedWithoutTheirKeys() {
    String good = TestKeys.entry("a", one);
    String material = Base64.getEncoder().encodeToString(one);
    assertRejected(good + "," + material, "entry 2 is not of the form <id>:<base64 key>", material);
    assertRejected("b@d:" + material, "entry 1 has an invalid key id", material);
    assertRejected("a:" + material + "*", "(key id 'a'): the key is not valid base64", material);
    String short16 = Base64.getEncoder().encodeToString(Arrays.copyOf(one, 16));
    assertRejected("a:" + short16, "must be 256 bits (32 bytes), not 128 bits", short16);
    assertRejected(good + "," + good, "key id 'a' appears more than once", material);
    assertRejected(" , \n# nothing", "no key", material);
  }

  @Test
  void aKeysTextFormNamesItsIdOnly() {
    EncryptionKey key = KeyRing.parse(TestKeys.entry("a", one), "test").active();
    assertEquals("EncryptionKey[a]", key.toString());
  }

  private static void assertRejected(String config, String expected, String material) {
    KeyConfigException error =
        assertThrows(KeyConfigException.class, () -> KeyRing.parse(config, "parley.keys"));
    assertTrue(error.getMessage().startsWith("parley.keys"), error.getMessage());
    assertTrue(error.getMessage().contains(expected), error.getMessage());
    assertFalse(error.getMessage().contains(material), "no key material in the message");
  }
}
