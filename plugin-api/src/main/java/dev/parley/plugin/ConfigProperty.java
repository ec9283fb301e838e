package dev.parley.plugin;

import java.util.List;
import java.util.Objects;

/**
 * One configuration key a plugin declares. The core validates a bot's configuration against these
 * declarations and the admin console renders a form from them.
 *
 * @param name key as written in {@code config.yml}
 * @param type value type
 * @param defaultValue value used when the key is absent; {@code null} for none
 * @param description help text
 * @param required whether the key must be given
 * @param secret whether the value must never be shown or logged
 * @param options allowed values for {@link ConfigType#CHOICE}
 * @param min the smallest value allowed for {@link ConfigType#INTEGER} and {@link
 *     ConfigType#NUMBER} keys; {@code null} for no lower bound
 * @param max the largest value allowed for numeric keys; {@code null} for no upper bound
 */
public record ConfigProperty(
    String name,
    ConfigType type,
    Object defaultValue,
    String description,
    boolean required,
    boolean secret,
    List<String> options,
    Double min,
    Double max) {

  /** Checks the declaration itself. */
  public ConfigProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    options = options == null ? List.of() : List.copyOf(options);
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException(name + ": min " + min + " is above max " + max);
    }
  }

  /** A declaration without bounds. */
  public ConfigProperty(
      String name,
      ConfigType type,
      Object defaultValue,
      String description,
      boolean required,
      boolean secret,
      List<String> options) {
    this(name, type, defaultValue, description, required, secret, options, null, null);
  }

  /** An optional string key. */
  public static ConfigProperty string(String name, String defaultValue, String description) {
    return new ConfigProperty(
        name, ConfigType.STRING, defaultValue, description, false, false, null);
  }

  /** An optional whole-number key. */
  public static ConfigProperty integer(String name, long defaultValue, String description) {
    return new ConfigProperty(
        name, ConfigType.INTEGER, defaultValue, description, false, false, null);
  }

  /** An optional decimal key. */
  public static ConfigProperty number(String name, double defaultValue, String description) {
    return new ConfigProperty(
        name, ConfigType.NUMBER, defaultValue, description, false, false, null);
  }

  /** An optional boolean key. */
  public static ConfigProperty bool(String name, boolean defaultValue, String description) {
    return new ConfigProperty(
        name, ConfigType.BOOLEAN, defaultValue, description, false, false, null);
  }

  /** An optional list-of-strings key. */
  public static ConfigProperty list(String name, List<String> defaultValue, String description) {
    return new ConfigProperty(name, ConfigType.LIST, defaultValue, description, false, false, null);
  }

  /** An optional key restricted to the given options. */
  public static ConfigProperty choice(
      String name, String defaultValue, List<String> options, String description) {
    return new ConfigProperty(
        name, ConfigType.CHOICE, defaultValue, description, false, false, options);
  }

  /** The same declaration, but required. */
  public ConfigProperty asRequired() {
    return new ConfigProperty(
        name, type, defaultValue, description, true, secret, options, min, max);
  }

  /** The same declaration, but secret. */
  public ConfigProperty asSecret() {
    return new ConfigProperty(
        name, type, defaultValue, description, required, true, options, min, max);
  }

  /** The same numeric declaration, with its values kept within {@code [min, max]}. */
  public ConfigProperty between(double min, double max) {
    return new ConfigProperty(
        name, type, defaultValue, description, required, secret, options, min, max);
  }

  /** The same numeric declaration, with its values at least {@code min}. */
  public ConfigProperty atLeast(double min) {
    return new ConfigProperty(
        name, type, defaultValue, description, required, secret, options, min, max);
  }
}
