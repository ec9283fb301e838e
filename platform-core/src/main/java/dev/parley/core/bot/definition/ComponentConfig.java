package dev.parley.core.bot.definition;

import java.util.Map;

/**
 * One pipeline or policy entry of {@code config.yml}.
 *
 * @param name the component name
 * @param params every other key of the entry
 * @param file the file it is in
 * @param line its line
 */
public record ComponentConfig(String name, Map<String, Object> params, String file, int line) {}
