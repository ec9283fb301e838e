package dev.parley.core.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The start-up warm-up's credential: a random key that opens every bot's channel while the warm-up
 * runs and never again, held only in this server's memory (the requests that carry it are the
 * warm-up's: {@link WarmUpRequests}), and the random sender ids of its conversations. A new pass
 * each start.
 */
@ApplicationScoped
public class WarmUpPass {

  private static final String SENDER_PREFIX = "parley-warmup-";

  private final String key;
  private final String senderPrefix;
  private volatile boolean open = true;

  /** A fresh pass, open until {@link #close()}. */
  public WarmUpPass() {
    SecureRandom random = new SecureRandom();
    this.key = randomText(random, 32);
    this.senderPrefix = SENDER_PREFIX + randomText(random, 9) + "-";
  }

  /** The key to send as {@code Authorization: Bearer <key>}, while the pass is open. */
  public Optional<String> key() {
    return open ? Optional.of(key) : Optional.empty();
  }

  /** Whether the pass is still open (the warm-up runs). */
  public boolean isOpen() {
    return open;
  }

  /** Whether the presented key is this pass's and the pass is still open. */
  public boolean accepts(String presented) {
    return open
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
  }

  /** The sender id of the warm-up's n-th conversation. */
  public String sender(long n) {
    return senderPrefix + n;
  }

  /** Ends the pass: its key opens nothing from now on. */
  public void close() {
    open = false;
  }

  private static String randomText(SecureRandom random, int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
