package dev.parley.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmUpPassTest {

  @Test
  void itsKeyOpensOnlyUntilItIsClosed() {
    WarmUpPass pass = new WarmUpPass();
    String key = pass.key().orElseThrow();
    assertTrue(pass.accepts(key));
    assertFalse(pass.accepts(key + "x"));
    pass.close();
    assertFalse(pass.accepts(key));
    assertTrue(pass.key().isEmpty());
  }

  @Test
  void eachStartHasItsOwnKeyAndSenders() {
    WarmUpPass one = new WarmUpPass();
    WarmUpPass two = new WarmUpPass();
    assertNotEquals(one.key(), two.key());
    assertFalse(two.accepts(one.key().orElseThrow()));
    assertTrue(one.sender(5).startsWith("parley-warmup-"), one.sender(5));
    assertNotEquals(one.sender(5), two.sender(5), "each start has its own random sender ids");
    assertNotEquals(one.sender(5), one.sender(6));
  }

  @Test
  void theServerTalksToItselfOnLoopbackUnlessBoundToOneAddress() {
    assertEquals("127.0.0.1", WarmUp.loopbackOr("*"));
    assertEquals("127.0.0.1", WarmUp.loopbackOr("0.0.0.0"));
    assertEquals("127.0.0.1", WarmUp.loopbackOr("::"));
    assertEquals("10.1.2.3", WarmUp.loopbackOr("10.1.2.3"));
    assertEquals("[fd00::5]", WarmUp.loopbackOr("fd00::5"));
  }
}
