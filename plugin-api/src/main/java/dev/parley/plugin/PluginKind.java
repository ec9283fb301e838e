package dev.parley.plugin;

/** The extension points Parley offers; every factory belongs to exactly one. */
public enum PluginKind {
  /** Predicts the intent of a user message ({@link dev.parley.plugin.nlu.IntentClassifier}). */
  INTENT_CLASSIFIER,
  /** Finds entities in a user message ({@link dev.parley.plugin.nlu.EntityExtractor}). */
  ENTITY_EXTRACTOR,
  /** Predicts the next action ({@link dev.parley.plugin.policy.DialoguePolicy}). */
  DIALOGUE_POLICY,
  /** A custom action the bot can run ({@link dev.parley.plugin.action.Action}). */
  ACTION,
  /**
   * Turns a chosen response into the text the user sees ({@link
   * dev.parley.plugin.response.ResponseGenerator}).
   */
  RESPONSE_GENERATOR,
  /** Judges a generated reply before it is sent ({@link dev.parley.plugin.response.ReplyCheck}). */
  REPLY_CHECK,
  /**
   * Re-examines a message the classifiers were unsure of ({@link
   * dev.parley.plugin.nlu.IntentRecheck}).
   */
  INTENT_RECHECK
}
