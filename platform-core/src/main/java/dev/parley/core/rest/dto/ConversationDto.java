package dev.parley.core.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.admin.ConversationAdminService;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One conversation for the console: slots and events, masked as the caller may see them. */
public record ConversationDto(
    String senderId,
    Map<String, Object> slots,
    Set<String> sensitiveSlots,
    boolean masked,
    String activeLoop,
    List<JsonNode> events) {

  /** The JSON body of a conversation view. */
  public static ConversationDto from(
      String sender, ConversationAdminService.ConversationView view) {
    return new ConversationDto(
        sender,
        view.slots(),
        view.sensitiveSlots(),
        view.masked(),
        view.activeLoop().orElse(null),
        view.events());
  }
}
