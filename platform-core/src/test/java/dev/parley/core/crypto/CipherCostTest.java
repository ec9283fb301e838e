package dev.parley.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The cost of encryption at rest per stored turn: seal and open one event batch of a typical size
 * (the demo bot's turns store 1.5 to 4 KB of event JSON). Logs the figure; asserts only a generous
 * bound, as the test machine may be busy.
 */
class CipherCostTest {

  private static final Logger LOG = Logger.getLogger(CipherCostTest.class.getName());

  @Test
  void sealingAndOpeningATurnTakesMicroseconds() {
    PayloadCipher cipher = new PayloadCipher(KeyRing.of(TestKeys.key("k1")));
    for (int bytes : new int[] {2048, 4096}) {
      String batch = "[" + "{\"event\":\"user\",\"text\":\"x\"},".repeat(bytes / 28) + "{}]";
      String context = "parley/event-batch/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/12";
      for (int i = 0; i < 5_000; i++) {
        cipher.open(cipher.seal(batch, context), context);
      }
      int rounds = 20_000;
      long started = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        assertEquals(batch.length(), cipher.open(cipher.seal(batch, context), context).length());
      }
      double micros = (System.nanoTime() - started) / 1000.0 / rounds;
      LOG.info(
          String.format(
              "AES-GCM seal + open of a %d-byte event batch: %.1f µs", batch.length(), micros));
      assertTrue(micros < 5_000, "far below a turn's cost: " + micros + " µs");
    }
  }
}
