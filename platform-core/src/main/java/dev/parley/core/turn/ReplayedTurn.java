package dev.parley.core.turn;

import dev.parley.plugin.bot.ResponseVariation.Button;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.BotUttered;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUttered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotent messages: a client that retries a message with the same {@code message_id} (its first
 * call timed out, the connection dropped) gets the first call's reply again, rebuilt from the
 * events that turn stored, and the conversation does not change.
 */
final class ReplayedTurn {

  private ReplayedTurn() {}

  /** The stored turn of that message id, if the conversation already has one. */
  static Optional<TurnResult> find(List<Event> events, String messageId) {
    if (messageId == null || messageId.isBlank()) {
      return Optional.empty();
    }
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof UserUttered user && messageId.equals(user.messageId())) {
        return Optional.of(replay(user, events.subList(i + 1, events.size())));
      }
    }
    return Optional.empty();
  }

  private static TurnResult replay(UserUttered user, List<Event> after) {
    List<BotMessage> messages = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (Event event : after) {
      if (event instanceof UserUttered) {
        break;
      }
      if (event instanceof ActionExecuted action) {
        actions.add(action.name());
        if (action.name().equals(CoreActionNames.LISTEN)) {
          break;
        }
      } else if (event instanceof BotUttered bot) {
        messages.add(message(bot));
      }
    }
    return new TurnResult(messages, user.parseData(), actions);
  }

  private static BotMessage message(BotUttered bot) {
    Map<String, Object> data = bot.data();
    List<Button> buttons = new ArrayList<>();
    if (data.get("buttons") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> button) {
          buttons.add(
              new Button(
                  String.valueOf(button.get("title")), String.valueOf(button.get("payload"))));
        }
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> custom =
        data.get("custom") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    Object image = data.get("image");
    Object response = bot.metadata().get("utter_action");
    return new BotMessage(
        bot.text(),
        buttons,
        image == null ? null : String.valueOf(image),
        custom,
        response == null ? null : String.valueOf(response));
  }
}
