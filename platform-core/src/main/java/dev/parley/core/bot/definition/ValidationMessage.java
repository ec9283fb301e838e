package dev.parley.core.bot.definition;

/**
 * A problem (or warning) in a bot project.
 *
 * @param file the path inside the project, e.g. {@code data/stories.yml}
 * @param line 1-based line, 0 when unknown
 * @param message what is wrong
 */
public record ValidationMessage(String file, int line, String message) {}
