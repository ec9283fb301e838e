package dev.parley.core.rest.dto;

import dev.parley.core.admin.ConversationAdminService;

/** A conversation found: its sender and when it started. */
public record ConversationFoundDto(String sender, String startedAt) {

  /** The JSON row of a found conversation. */
  public static ConversationFoundDto from(ConversationAdminService.Found found) {
    return new ConversationFoundDto(found.sender(), found.startedAt().toString());
  }
}
