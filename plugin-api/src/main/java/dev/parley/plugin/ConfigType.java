package dev.parley.plugin;

/** The type of a declared configuration value. */
public enum ConfigType {
  /** Free text. */
  STRING,
  /** A whole number. */
  INTEGER,
  /** A decimal number. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A list of strings. */
  LIST,
  /** One of {@link ConfigProperty#options()}. */
  CHOICE
}
