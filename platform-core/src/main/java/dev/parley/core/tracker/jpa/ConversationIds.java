package dev.parley.core.tracker.jpa;

import dev.parley.core.tracker.ConversationKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Derives a fixed-length row id from a conversation key, so appends need no lookup. */
final class ConversationIds {

  private ConversationIds() {}

  static String of(ConversationKey key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash =
          digest.digest(
              (key.tenant() + '\u0000' + key.bot() + '\u0000' + key.sender())
                  .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
