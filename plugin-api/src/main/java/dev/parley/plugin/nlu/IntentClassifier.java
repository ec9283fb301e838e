package dev.parley.plugin.nlu;

import java.util.List;

/**
 * Predicts the intent of a user message. Usually also {@link dev.parley.plugin.Trainable}.
 * Implementations must be safe for concurrent use once trained or loaded.
 */
public interface IntentClassifier {

  /** The ranking of intents for the message, best first; empty if the model knows none. */
  List<IntentPrediction> classify(Message message);
}
