package dev.parley.plugins.entity.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money: a number with a currency symbol before it ("$20", "€5") or a currency word
 * after it ("20 dollars", "twenty euros", "50元", "五十块钱"). The value is Duckling's {@code {"value",
 * "unit", "type"}}; units are {@code $}, {@code EUR}, {@code GBP}, {@code CNY}, {@code JPY}.
 */
final class MoneyFinder {

  private static final Map<String, String> SYMBOLS =
      Map.of("$", "$", "€", "EUR", "£", "GBP", "¥", "CNY", "￥", "CNY");
  private static final Map<String, String> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put("dollars", "$");
    WORDS.put("dollar", "$");
    WORDS.put("bucks", "$");
    WORDS.put("usd", "$");
    WORDS.put("euros", "EUR");
    WORDS.put("euro", "EUR");
    WORDS.put("eur", "EUR");
    WORDS.put("pounds", "GBP");
    WORDS.put("pound", "GBP");
    WORDS.put("gbp", "GBP");
    WORDS.put("yuan", "CNY");
    WORDS.put("rmb", "CNY");
    WORDS.put("cny", "CNY");
    WORDS.put("块钱", "CNY");
    WORDS.put("块", "CNY");
    WORDS.put("元", "CNY");
    WORDS.put("人民币", "CNY");
    WORDS.put("美元", "$");
    WORDS.put("美金", "$");
    WORDS.put("欧元", "EUR");
    WORDS.put("英镑", "GBP");
    WORDS.put("日元", "JPY");
  }

  private static final Pattern AFTER =
      Pattern.compile(
          "^\\s?(" + String.join("|", WORDS.keySet()) + ")(?![A-Za-z])", Pattern.CASE_INSENSITIVE);

  private MoneyFinder() {}

  static List<Found> find(String text, List<NumberMatch> numbers) {
    List<Found> found = new ArrayList<>();
    for (NumberMatch number : numbers) {
      if (number.ordinal()) {
        continue;
      }
      Optional<Found> money = before(text, number).or(() -> after(text, number));
      money.ifPresent(found::add);
    }
    return found;
  }

  private static Optional<Found> before(String text, NumberMatch number) {
    int i = number.start() - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0 || number.start() - i > 2) {
      return Optional.empty();
    }
    String unit = SYMBOLS.get(String.valueOf(text.charAt(i)));
    return unit == null ? Optional.empty() : Optional.of(money(i, number.end(), number, unit));
  }

  private static Optional<Found> after(String text, NumberMatch number) {
    Matcher matcher = AFTER.matcher(text.substring(number.end()));
    if (!matcher.find()) {
      return Optional.empty();
    }
    String unit = WORDS.get(matcher.group(1).toLowerCase(Locale.ROOT));
    return Optional.of(money(number.start(), number.end() + matcher.end(), number, unit));
  }

  private static Found money(int start, int end, NumberMatch number, String unit) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("value", Numbers.of(number.value()));
    value.put("unit", unit);
    value.put("type", "value");
    return new Found("amount-of-money", start, end, value);
  }
}
