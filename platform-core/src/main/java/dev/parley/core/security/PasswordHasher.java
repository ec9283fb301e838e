package dev.parley.core.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Console passwords as PBKDF2-HMAC-SHA256 with a random salt, stored as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64). A hash made with fewer than {@link
 * #ITERATIONS} still matches, and {@link #needsUpgrade} tells the caller to store a new one.
 */
public final class PasswordHasher {

  /** Iterations for new hashes: OWASP's figure for PBKDF2-HMAC-SHA256 (about 0.3 s on one core). */
  public static final int ITERATIONS = 600_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  /** The stored form of a new password. */
  public static String hash(String password) {
    return hash(password, ITERATIONS);
  }

  /** The stored form of a password with the given cost (tests make old hashes with it). */
  static String hash(String password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PREFIX
        + "$"
        + iterations
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
  }

  /** Whether the password matches the stored hash (constant-time comparison). */
  public static boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Spends the time of one check against a hash of the current cost, so that an unknown user name
   * is answered as slowly as a wrong password.
   */
  static void matchesNothing(String password) {
    matches(password, Decoy.HASH);
  }

  /** Whether the stored hash was made with fewer iterations than new hashes get. */
  public static boolean needsUpgrade(String stored) {
    String[] parts = stored.split("\\$");
    try {
      return parts.length != 4 || Integer.parseInt(parts[1]) < ITERATIONS;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** A hash of a random password, made on first use. */
  private static final class Decoy {
    static final String HASH = hash(java.util.UUID.randomUUID().toString());
  }
}
