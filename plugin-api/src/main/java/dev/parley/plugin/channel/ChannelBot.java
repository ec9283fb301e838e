package dev.parley.plugin.channel;

import java.util.Map;

/**
 * The bot a connection or request is for, and the channel's section of the bot's {@code
 * credentials.yml}.
 *
 * @param tenant the tenant
 * @param bot the bot
 * @param settings the channel's settings from {@code credentials.yml} (empty when the section has
 *     none); values are YAML scalars, lists or maps
 */
public record ChannelBot(String tenant, String bot, Map<String, Object> settings) {

  /** Copies the settings. */
  public ChannelBot {
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
  }

  /** A string setting, or the default when absent. */
  public String setting(String name, String defaultValue) {
    Object value = settings.get(name);
    return value == null ? defaultValue : value.toString();
  }

  /** A boolean setting ({@code true}, {@code yes}), or the default when absent. */
  public boolean flag(String name, boolean defaultValue) {
    Object value = settings.get(name);
    if (value == null) {
      return defaultValue;
    }
    String text = value.toString().trim();
    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes");
  }
}
