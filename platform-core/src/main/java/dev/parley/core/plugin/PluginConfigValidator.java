package dev.parley.core.plugin;

import dev.parley.plugin.ConfigProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a pipeline entry's parameters against what the plugin declares. */
public final class PluginConfigValidator {

  private PluginConfigValidator() {}

  /**
   * The validated configuration, or the problems found (unknown keys, wrong types, values outside
   * the declared bounds or options, missing required keys) as messages naming the setting.
   */
  public static Result validate(
      String pluginId, List<ConfigProperty> properties, Map<String, Object> params) {
    Map<String, ConfigProperty> declared = new LinkedHashMap<>();
    properties.forEach(property -> declared.put(property.name(), property));
    List<SettingProblem> problems = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          if (!declared.containsKey(name)) {
            problems.add(
                new SettingProblem(
                    name,
                    pluginId
                        + ": unknown setting '"
                        + name
                        + "' (declared: "
                        + declared.keySet()
                        + ")"));
          }
        });
    for (ConfigProperty property : declared.values()) {
      Object raw = params.containsKey(property.name()) ? params.get(property.name()) : null;
      if (raw == null) {
        if (property.required()) {
          problems.add(
              new SettingProblem(
                  property.name(), pluginId + ": setting '" + property.name() + "' is required"));
        } else if (property.defaultValue() != null) {
          values.put(property.name(), property.defaultValue());
        }
        continue;
      }
      try {
        values.put(property.name(), withinBounds(property, coerce(property, raw)));
      } catch (IllegalArgumentException e) {
        problems.add(
            new SettingProblem(
                property.name(),
                pluginId + ": setting '" + property.name() + "' " + e.getMessage()));
      }
    }
    return new Result(new ValidatedPluginConfig(declared, values), problems);
  }

  private static Object withinBounds(ConfigProperty property, Object value) {
    if (value instanceof Number number) {
      double x = number.doubleValue();
      if (property.min() != null && x < property.min()) {
        throw new IllegalArgumentException(
            "must be at least " + plain(property.min()) + ", got " + value);
      }
      if (property.max() != null && x > property.max()) {
        throw new IllegalArgumentException(
            "must be at most " + plain(property.max()) + ", got " + value);
      }
    }
    return value;
  }

  private static String plain(double bound) {
    return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
  }

  private static Object coerce(ConfigProperty property, Object raw) {
    return switch (property.type()) {
      case STRING -> String.valueOf(raw);
      case INTEGER -> {
        if (raw instanceof Number number
            && number.doubleValue() == Math.rint(number.doubleValue())) {
          yield number.longValue();
        }
        throw new IllegalArgumentException("must be a whole number, got '" + raw + "'");
      }
      case NUMBER -> {
        if (raw instanceof Number number) {
          yield number.doubleValue();
        }
        throw new IllegalArgumentException("must be a number, got '" + raw + "'");
      }
      case BOOLEAN -> {
        if (raw instanceof Boolean bool) {
          yield bool;
        }
        throw new IllegalArgumentException("must be true or false, got '" + raw + "'");
      }
      case LIST -> {
        if (raw instanceof List<?> list) {
          yield list.stream().map(String::valueOf).toList();
        }
        throw new IllegalArgumentException("must be a list, got '" + raw + "'");
      }
      case CHOICE -> {
        String value = String.valueOf(raw);
        if (property.options().contains(value)) {
          yield value;
        }
        throw new IllegalArgumentException(
            "must be one of " + property.options() + ", got '" + raw + "'");
      }
    };
  }

  /**
   * The outcome of a validation.
   *
   * @param config the configuration (only meaningful without problems)
   * @param settingProblems what is wrong, each with the setting it is about
   */
  public record Result(ValidatedPluginConfig config, List<SettingProblem> settingProblems) {

    /** What is wrong, as messages naming the setting. */
    public List<String> problems() {
      return settingProblems.stream().map(SettingProblem::message).toList();
    }
  }

  /**
   * One problem with a component's settings.
   *
   * @param setting the setting it is about (given, declared or required)
   * @param message what is wrong, naming the plugin and the setting
   */
  public record SettingProblem(String setting, String message) {}
}
