package dev.parley.core.rest.dto;

import dev.parley.core.admin.ConversationAdminService;

/**
 * A conversation found: its sender, when it started, the user's first message, how many messages
 * the user sent, the last intent, and whether a turn fell back.
 */
public record ConversationFoundDto(
    String sender,
    String startedAt,
    String firstMessage,
    int turns,
    String lastIntent,
    boolean fellBack) {

  /** The JSON row of a found conversation. */
  public static ConversationFoundDto from(ConversationAdminService.Found found) {
    return new ConversationFoundDto(
        found.sender(),
        found.startedAt().toString(),
        found.summary().firstMessage().orElse(null),
        found.summary().turns(),
        found.summary().lastIntent().orElse(null),
        found.summary().fellBack());
  }
}
