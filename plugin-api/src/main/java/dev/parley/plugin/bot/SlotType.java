package dev.parley.plugin.bot;

/** Rasa's slot types. */
public enum SlotType {
  /** Any text. */
  TEXT,
  /** True or false. */
  BOOL,
  /** One of the declared values. */
  CATEGORICAL,
  /** A number, optionally within bounds. */
  FLOAT,
  /** A list of values. */
  LIST,
  /** Anything; never influences the conversation. */
  ANY
}
