package dev.parley.plugin.conversation;

import dev.parley.plugin.nlu.ParseResult;
import java.util.Map;

/**
 * The user said something ({@code user}).
 *
 * @param text what the user sent
 * @param parseData what NLU made of it
 * @param inputChannel channel name, e.g. {@code rest}
 * @param messageId the client's or the server's message id
 * @param timestamp epoch seconds
 * @param metadata channel metadata
 */
public record UserUttered(
    String text,
    ParseResult parseData,
    String inputChannel,
    String messageId,
    double timestamp,
    Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "user";

  /** Normalises null metadata. */
  public UserUttered {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** The predicted intent name, or an empty string if the message was not parsed. */
  public String intentName() {
    return parseData == null || parseData.intent() == null ? "" : parseData.intent().name();
  }

  @Override
  public String type() {
    return TYPE;
  }
}
