package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.core.turn.BotMessage;
import java.util.List;
import java.util.Map;

/** A bot message in Rasa's REST channel shape; empty parts are left out. */
public record ChannelMessageDto(
    String recipientId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String text,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ButtonDto> buttons,
    @JsonInclude(JsonInclude.Include.NON_NULL) String image,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> custom) {

  /** The apology sent when a turn failed. */
  public static ChannelMessageDto apology(String recipient, String text) {
    return new ChannelMessageDto(recipient, text, List.of(), null, Map.of());
  }

  /** A bot message for the recipient. */
  public static ChannelMessageDto from(String recipient, BotMessage message) {
    return new ChannelMessageDto(
        recipient,
        message.text(),
        message.buttons().stream().map(b -> new ButtonDto(b.title(), b.payload())).toList(),
        message.image(),
        message.custom());
  }
}
