package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.bot.ResponseVariation.Button;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUtteranceReverted;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rasa's {@code action_two_stage_fallback}, a loop for messages the bot is unsure about: it asks
 * "Did you mean …?" (Yes / No buttons); on Yes the doubtful message is kept with the confirmed
 * intent and the conversation goes on as if it had been understood; on No it asks the user to
 * rephrase; a rephrasing it understands replaces the doubtful message; if it is unsure again it
 * asks once more, and a second No ends in {@code action_default_fallback}.
 */
final class TwoStageFallback {

  static final String ASK_AFFIRMATION_RESPONSE = "utter_ask_affirmation";
  static final String ASK_REPHRASE_RESPONSE = "utter_ask_rephrase";
  private static final String DEFAULT_REPHRASE =
      "I'm sorry, I didn't quite understand that. Could you rephrase?";
  private static final String AFFIRM = "affirm";

  private TwoStageFallback() {}

  static ActionResult run(ConversationView conversation, BotModel model) {
    List<UserUttered> since = userMessagesSinceActivation(conversation);
    boolean active =
        conversation.activeLoop().filter(CoreActionNames.TWO_STAGE_FALLBACK::equals).isPresent();
    if (!active) {
      List<Event> events = new ArrayList<>();
      events.add(ActiveLoop.of(CoreActionNames.TWO_STAGE_FALLBACK));
      return new ActionResult(askAffirmation(conversation, model), events);
    }
    UserUttered answer = since.get(since.size() - 1);
    Optional<UserUttered> original = originalMessage(conversation);
    // Without a guess for the first message the bot asked to rephrase straight away.
    int skipped = original.flatMap(TwoStageFallback::suggestedIntent).isPresent() ? 0 : 1;
    int round = since.size() + skipped;
    int reverts = since.size() + 1;
    if (round == 1 || round == 3) {
      UserUttered doubtful = round == 1 ? original.orElse(answer) : since.get(1 - skipped);
      Optional<String> suggested = suggestedIntent(doubtful);
      boolean affirmed =
          suggested.isPresent()
              && (suggested.get().equals(answer.intentName())
                  || AFFIRM.equals(answer.intentName()));
      if (affirmed) {
        return resolved(doubtful, suggested.get(), reverts);
      }
      if (round == 1) {
        return new ActionResult(askRephrase(model), List.of());
      }
      return defaultFallback(conversation, model);
    }
    if (round == 2) {
      if (!answer.intentName().equals(dev.parley.core.bot.NluRuntime.NLU_FALLBACK)) {
        return resolved(answer, answer.intentName(), reverts);
      }
      if (suggestedIntent(answer).isPresent()) {
        return new ActionResult(askAffirmation(conversation, model), List.of());
      }
    }
    return defaultFallback(conversation, model);
  }

  private static ActionResult defaultFallback(ConversationView conversation, BotModel model) {
    return ActionRunner.run(CoreActionNames.DEFAULT_FALLBACK, conversation, model)
        .map(
            fallback -> {
              List<Event> events = new ArrayList<>(fallback.events());
              events.add(ActiveLoop.of(null));
              return new ActionResult(fallback.responses(), events);
            })
        .orElseThrow();
  }

  /** The asks of {@code action_default_ask_affirmation}: about the latest message. */
  static List<BotResponse> askAffirmation(ConversationView conversation, BotModel model) {
    Optional<String> intent =
        conversation.latestMessage().flatMap(TwoStageFallback::suggestedIntent);
    if (intent.isEmpty()) {
      return askRephrase(model);
    }
    if (model.domain().responses().containsKey(ASK_AFFIRMATION_RESPONSE)) {
      return List.of(
          new BotResponse(
              null, null, null, null, ASK_AFFIRMATION_RESPONSE, Map.of("intent", intent.get())));
    }
    return List.of(
        new BotResponse(
            "Did you mean '" + intent.get() + "'?",
            List.of(
                new Button("Yes", "/" + intent.get()),
                new Button("No", "/" + CoreActionNames.OUT_OF_SCOPE)),
            null,
            null,
            null,
            null));
  }

  /** The ask of {@code action_default_ask_rephrase}. */
  static List<BotResponse> askRephrase(BotModel model) {
    return model.domain().responses().containsKey(ASK_REPHRASE_RESPONSE)
        ? List.of(BotResponse.response(ASK_REPHRASE_RESPONSE))
        : List.of(BotResponse.text(DEFAULT_REPHRASE));
  }

  /**
   * Forgets the fallback exchange and puts the message back with the intent now known, so the
   * policies continue as if it had been understood at once.
   */
  private static ActionResult resolved(UserUttered message, String intent, int userMessages) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < userMessages; i++) {
      events.add(UserUtteranceReverted.now());
    }
    events.add(ActiveLoop.of(null));
    events.add(ActionExecuted.of(CoreActionNames.LISTEN, null, null));
    IntentPrediction confirmed = new IntentPrediction(intent, 1.0);
    ParseResult parse =
        message.parseData() == null
            ? new ParseResult(message.text(), confirmed, List.of(confirmed), List.of())
            : new ParseResult(
                message.parseData().text(),
                confirmed,
                List.of(confirmed),
                message.parseData().entities(),
                message.parseData().responseSelector());
    events.add(
        new UserUttered(
            message.text(),
            parse,
            message.inputChannel(),
            message.messageId(),
            Event.now(),
            message.metadata()));
    return new ActionResult(List.of(), events);
  }

  private static Optional<String> suggestedIntent(UserUttered message) {
    if (message.parseData() == null) {
      return Optional.empty();
    }
    return message.parseData().intentRanking().stream()
        .map(IntentPrediction::name)
        .filter(name -> !name.equals(dev.parley.core.bot.NluRuntime.NLU_FALLBACK))
        .findFirst();
  }

  /** The user messages after the loop was activated, oldest first. */
  private static List<UserUttered> userMessagesSinceActivation(ConversationView conversation) {
    List<Event> events = conversation.events();
    List<UserUttered> messages = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof ActiveLoop loop
          && CoreActionNames.TWO_STAGE_FALLBACK.equals(loop.name())) {
        break;
      }
      if (event instanceof UserUttered user) {
        messages.add(0, user);
      }
    }
    return messages;
  }

  /** The doubtful message that started the loop (the last user message before activation). */
  private static Optional<UserUttered> originalMessage(ConversationView conversation) {
    List<Event> events = conversation.events();
    boolean passedActivation = false;
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof ActiveLoop loop
          && CoreActionNames.TWO_STAGE_FALLBACK.equals(loop.name())) {
        passedActivation = true;
      } else if (passedActivation && event instanceof UserUttered user) {
        return Optional.of(user);
      }
    }
    return Optional.empty();
  }
}
