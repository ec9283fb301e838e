package dev.parley.plugins.entity.system;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Duckling's duration value object: {@code {"value", "unit", "<unit>", "type", "normalized"}}, e.g.
 * {@code {"value": 3, "unit": "day", "day": 3, "type": "value", "normalized": {"value": 259200,
 * "unit": "second"}}}.
 */
final class Durations {

  private Durations() {}

  static Map<String, Object> value(long amount, ChronoUnit unit) {
    String name = unit.name().toLowerCase(Locale.ROOT);
    name = name.substring(0, name.length() - 1);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("value", amount);
    value.put("unit", name);
    value.put(name, amount);
    value.put("type", "value");
    value.put(
        "normalized", Map.of("value", amount * unit.getDuration().getSeconds(), "unit", "second"));
    return value;
  }
}
