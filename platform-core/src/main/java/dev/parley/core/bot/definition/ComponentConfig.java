package dev.parley.core.bot.definition;

import java.util.Map;

/**
 * One pipeline or policy entry of {@code config.yml}.
 *
 * @param name the component name
 * @param params every other key of the entry
 * @param file the file it is in
 * @param line its line
 * @param settingLines the line of each key of {@code params} written in the file (a key added
 *     since, or of a component not read from a file, has none)
 */
public record ComponentConfig(
    String name,
    Map<String, Object> params,
    String file,
    int line,
    Map<String, Integer> settingLines) {

  /** Keeps the lines unmodifiable. */
  public ComponentConfig {
    settingLines = Map.copyOf(settingLines);
  }

  /** An entry whose settings have no lines of their own. */
  public ComponentConfig(String name, Map<String, Object> params, String file, int line) {
    this(name, params, file, line, Map.of());
  }

  /** The line of a setting; the entry's line when the setting has none. */
  public int lineOf(String setting) {
    return settingLines.getOrDefault(setting, line);
  }

  /** The same entry, at the same place, with other settings. */
  public ComponentConfig withParams(Map<String, Object> newParams) {
    return new ComponentConfig(name, newParams, file, line, settingLines);
  }
}
