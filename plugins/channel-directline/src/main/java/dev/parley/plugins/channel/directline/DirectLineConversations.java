package dev.parley.plugins.channel.directline;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The server's Direct Line conversations, by id and by token; idle ones are forgotten. */
final class DirectLineConversations {

  static final long IDLE_MILLIS = 60L * 60 * 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, DirectLineConversation> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByToken = new ConcurrentHashMap<>();

  /** Starts a conversation for a bot ({@code tenant/bot}), remembering the caller's credentials. */
  DirectLineConversation start(String botKey, Optional<String> authorization) {
    forgetIdle();
    String id = random(18);
    String token = random(32);
    DirectLineConversation conversation = new DirectLineConversation(id, token, authorization);
    byId.put(botKey + "/" + id, conversation);
    idByToken.put(token, botKey + "/" + id);
    return conversation;
  }

  /** The conversation of a bot with that id. */
  Optional<DirectLineConversation> find(String botKey, String id) {
    return Optional.ofNullable(byId.get(botKey + "/" + id));
  }

  /** The conversation a token belongs to, if it is one of the bot's. */
  Optional<DirectLineConversation> byToken(String botKey, String token) {
    String key = idByToken.get(token);
    return key != null && key.startsWith(botKey + "/")
        ? Optional.ofNullable(byId.get(key))
        : Optional.empty();
  }

  private void forgetIdle() {
    long now = System.currentTimeMillis();
    byId.entrySet()
        .removeIf(
            entry -> {
              boolean idle = now - entry.getValue().lastUsedMillis() > IDLE_MILLIS;
              if (idle) {
                idByToken.remove(entry.getValue().token());
              }
              return idle;
            });
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
