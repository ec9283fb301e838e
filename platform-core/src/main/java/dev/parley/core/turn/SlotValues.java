package dev.parley.core.turn;

import dev.parley.plugin.bot.SlotDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a value against its slot's declared type, as the domain says: a categorical slot takes
 * only its listed values (matched ignoring case, stored as declared), a float slot takes numbers
 * within {@code min_value}/{@code max_value}, a bool slot takes booleans and yes/no words, a list
 * slot takes a list or one item. An empty result means the value is rejected.
 */
final class SlotValues {

  private static final List<String> TRUE_WORDS = List.of("true", "yes", "y", "1", "是", "对");
  private static final List<String> FALSE_WORDS = List.of("false", "no", "n", "0", "否", "不");

  private SlotValues() {}

  static Optional<Object> accept(SlotDefinition slot, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (slot.type()) {
      case TEXT -> Optional.of(value instanceof String ? value : String.valueOf(value));
      case BOOL -> bool(value);
      case CATEGORICAL -> categorical(slot, value);
      case FLOAT -> number(slot, value);
      case LIST -> Optional.of(value instanceof List<?> ? value : List.of(value));
      case ANY -> Optional.of(value);
    };
  }

  private static Optional<Object> bool(Object value) {
    if (value instanceof Boolean) {
      return Optional.of(value);
    }
    String word = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
    if (TRUE_WORDS.contains(word)) {
      return Optional.of(Boolean.TRUE);
    }
    if (FALSE_WORDS.contains(word)) {
      return Optional.of(Boolean.FALSE);
    }
    return Optional.empty();
  }

  private static Optional<Object> categorical(SlotDefinition slot, Object value) {
    String text = String.valueOf(value).strip();
    if (slot.values() == null || slot.values().isEmpty()) {
      return Optional.of(text);
    }
    return slot.values().stream()
        .filter(allowed -> allowed.equalsIgnoreCase(text))
        .findFirst()
        .map(Object.class::cast);
  }

  private static Optional<Object> number(SlotDefinition slot, Object value) {
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      try {
        number = Double.parseDouble(String.valueOf(value).strip());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (Double.isNaN(number)
        || slot.minValue() != null && number < slot.minValue()
        || slot.maxValue() != null && number > slot.maxValue()) {
      return Optional.empty();
    }
    return Optional.of(number);
  }
}
