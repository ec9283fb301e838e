package dev.parley.core.bot.definition;

/**
 * Where something was declared in a bot project.
 *
 * @param file the path inside the project
 * @param line 1-based line, 0 when unknown
 */
public record SourceLocation(String file, int line) {}
