package dev.parley.plugin.policy;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.conversation.ConversationView;
import java.util.Optional;

/**
 * Predicts the next action of a conversation. The core asks every policy of the bot and picks the
 * highest confidence, then the highest priority ({@link DialoguePolicyFactory#defaultPriority()}),
 * as Rasa's ensemble does. Usually also {@link dev.parley.plugin.Trainable}.
 */
public interface DialoguePolicy {

  /** The predicted next action, or empty when this policy has nothing to say. */
  Optional<PolicyPrediction> predict(ConversationView conversation, Domain domain);
}
