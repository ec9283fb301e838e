package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.RankedPolicy;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.policy.PolicyPrediction;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks every policy of the bot and keeps the most confident prediction, then the highest priority,
 * as Rasa's ensemble does. An action that was just rejected is not predicted again until another
 * action has run. Rasa's built-in rules for the {@code restart}, {@code session_start} and {@code
 * back} intents come first.
 */
final class PolicyEnsemble {

  private PolicyEnsemble() {}

  /**
   * The chosen next action.
   *
   * @param action the action
   * @param policy the deciding policy
   * @param confidence its confidence
   */
  record Choice(String action, String policy, double confidence) {}

  static Choice predict(ConversationView conversation, BotModel model) {
    boolean userJustSpoke = userJustSpoke(conversation.events());
    if (userJustSpoke) {
      Optional<String> builtIn = builtInRule(conversation);
      if (builtIn.isPresent()) {
        return new Choice(builtIn.get(), "RulePolicy", 1.0);
      }
    }
    Set<String> rejected = rejectedSinceUser(conversation.events());
    Choice best = null;
    int bestPriority = Integer.MIN_VALUE;
    for (RankedPolicy ranked : model.policies()) {
      Optional<PolicyPrediction> prediction = ranked.policy().predict(conversation, model.domain());
      if (prediction.isEmpty() || rejected.contains(prediction.get().action())) {
        continue;
      }
      double confidence = prediction.get().confidence();
      if (best == null
          || confidence > best.confidence()
          || (confidence == best.confidence() && ranked.priority() > bestPriority)) {
        best = new Choice(prediction.get().action(), ranked.name(), confidence);
        bestPriority = ranked.priority();
      }
    }
    if (best != null) {
      return best;
    }
    return userJustSpoke
        ? new Choice(CoreActionNames.DEFAULT_FALLBACK, "core", 0.0)
        : new Choice(CoreActionNames.LISTEN, "core", 0.0);
  }

  private static Optional<String> builtInRule(ConversationView conversation) {
    String intent = conversation.latestMessage().map(UserUttered::intentName).orElse("");
    return switch (intent) {
      case "restart" -> Optional.of(CoreActionNames.RESTART);
      case "session_start" -> Optional.of(CoreActionNames.SESSION_START);
      case "back" -> Optional.of(CoreActionNames.BACK);
      default -> Optional.empty();
    };
  }

  private static boolean userJustSpoke(List<Event> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof UserUttered) {
        return true;
      }
      if (event instanceof ActionExecuted) {
        return false;
      }
    }
    return false;
  }

  private static Set<String> rejectedSinceUser(List<Event> events) {
    Set<String> rejected = new HashSet<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof UserUttered || event instanceof ActionExecuted) {
        break;
      }
      if (event instanceof ActionExecutionRejected rejection) {
        rejected.add(rejection.name());
      }
    }
    return rejected;
  }
}
