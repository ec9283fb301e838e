package dev.parley.core.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void matchesOnlyTheRightPasswordAndSaltsEachHash() {
    String stored = PasswordHasher.hash("correct horse battery");
    assertTrue(stored.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"), stored);
    assertTrue(PasswordHasher.matches("correct horse battery", stored));
    assertFalse(PasswordHasher.matches("correct horse batterz", stored));
    assertNotEquals(stored, PasswordHasher.hash("correct horse battery"));
    assertFalse(PasswordHasher.matches("x", "md5$abc"));
  }

  @Test
  void newHashesUseOwaspsIterationsAndOldOnesStillMatchButAskForAnUpgrade() {
    assertTrue(PasswordHasher.ITERATIONS >= 600_000);
    String old = PasswordHasher.hash("pw", 120_000);
    assertTrue(PasswordHasher.matches("pw", old));
    assertTrue(PasswordHasher.needsUpgrade(old));
    assertFalse(PasswordHasher.needsUpgrade(PasswordHasher.hash("pw")));
    assertTrue(PasswordHasher.needsUpgrade("md5$abc"));
  }

  @Test
  void isSlow() {
    long started = System.nanoTime();
    PasswordHasher.hash("some password");
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis >= 10, "one hash took only " + millis + " ms");
  }
}
