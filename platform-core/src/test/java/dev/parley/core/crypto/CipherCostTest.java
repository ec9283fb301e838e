package dev.parley.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The cost of encryption at rest per stored turn: sealing (on write) and opening (on a cache miss)
 * one event batch of typical sizes (a demo bot turn stores 1 to 4 KB of event JSON). Logs the
 * figures; asserts only a generous bound, as the test machine may be busy.
 */
class CipherCostTest {

  private static final Logger LOG = Logger.getLogger(CipherCostTest.class.getName());
  private static final String CONTEXT =
      "parley/event-batch/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/12";

  @Test
  void sealingAndOpeningATurnTakesMicroseconds() {
    PayloadCipher cipher = new PayloadCipher(KeyRing.of(TestKeys.key("k1")));
    for (int bytes : new int[] {1024, 4096, 16384}) {
      String batch = "[" + "{\"event\":\"user\",\"text\":\"x\"},".repeat(bytes / 28) + "{}]";
      String sealed = cipher.seal(batch, CONTEXT);
      for (int i = 0; i < 4_000; i++) {
        cipher.open(cipher.seal(batch, CONTEXT), CONTEXT);
      }
      int rounds = 4_000;
      long started = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        sealed = cipher.seal(batch, CONTEXT);
      }
      double sealMicros = (System.nanoTime() - started) / 1000.0 / rounds;
      started = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        assertEquals(batch.length(), cipher.open(sealed, CONTEXT).length());
      }
      double openMicros = (System.nanoTime() - started) / 1000.0 / rounds;
      LOG.info(
          String.format(
              "AES-256-GCM, %d-byte event batch: seal %.1f µs, open %.1f µs",
              batch.length(), sealMicros, openMicros));
      assertTrue(sealMicros + openMicros < 5_000, "far below a turn's cost");
    }
  }
}
