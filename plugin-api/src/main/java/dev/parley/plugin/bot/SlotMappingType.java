package dev.parley.plugin.bot;

/** Rasa's slot mapping types. */
public enum SlotMappingType {
  /** From an entity of the latest message. */
  FROM_ENTITY,
  /** The whole text of the latest message. */
  FROM_TEXT,
  /** A fixed value when the latest message has one of the intents. */
  FROM_INTENT,
  /** A fixed value when the message that activated the form has one of the intents. */
  FROM_TRIGGER_INTENT,
  /** Filled by a custom action. */
  CUSTOM
}
