package dev.parley.plugins.entity.system;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rasa's {@code DucklingEntityExtractor}: numbers, ordinals, amounts of money, e-mail addresses,
 * phone numbers, URLs, times and durations with Duckling's entity names and value shapes. Without
 * {@code url} (or when the server at {@code url} does not answer within {@code timeout}) the values
 * are found locally, in English and Chinese.
 */
public final class DucklingEntityExtractorFactory implements EntityExtractorFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "DucklingEntityExtractor";

  /** The dimensions found without a server. */
  static final Set<String> DIMENSIONS =
      Set.of(
          "number",
          "ordinal",
          "amount-of-money",
          "email",
          "phone-number",
          "url",
          "time",
          "duration");

  private final Clock clock;

  /** The factory ServiceLoader uses; "now" is the system clock. */
  public DucklingEntityExtractorFactory() {
    this(Clock.systemUTC());
  }

  /** A factory whose relative dates are computed from {@code clock} (for tests). */
  DucklingEntityExtractorFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Numbers, money, dates and times, e-mails, phones and URLs (Duckling's entities), locally or from a Duckling server";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        ConfigProperty.list("dimensions", List.of(), "Duckling dimensions to keep; all when empty"),
        ConfigProperty.string(
            "locale", null, "e.g. en_US or zh_CN; by default from the bot's language"),
        ConfigProperty.string(
            "timezone", "UTC", "time zone for dates and times, e.g. Europe/Berlin"),
        ConfigProperty.string(
            "url", null, "Duckling server to ask first, e.g. http://localhost:8000"),
        ConfigProperty.number("timeout", 1.0, "seconds to wait for the Duckling server"));
  }

  @Override
  public EntityExtractor create(PluginContext context) {
    var config = context.config();
    ZoneId zone;
    try {
      zone = ZoneId.of(config.getString("timezone").orElse("UTC"));
    } catch (DateTimeException e) {
      throw new PluginException(
          ID + ": unknown timezone '" + config.getString("timezone").orElse("") + "'");
    }
    String locale = config.getString("locale").orElse(defaultLocale(context.language()));
    Set<String> dimensions = new HashSet<>(config.getList("dimensions"));
    if (config.getString("url").isEmpty()) {
      Set<String> unknown = new HashSet<>(dimensions);
      unknown.removeAll(DIMENSIONS);
      if (!unknown.isEmpty()) {
        throw new PluginException(
            ID
                + ": dimensions "
                + unknown
                + " need a Duckling server (url); local ones are "
                + DIMENSIONS);
      }
    }
    double timeout = config.getDouble("timeout");
    if (timeout <= 0) {
      throw new PluginException(ID + ": timeout must be positive");
    }
    Optional<DucklingClient> remote =
        config
            .getString("url")
            .filter(u -> !u.isBlank())
            .map(url -> new DucklingClient(url, Duration.ofMillis((long) (timeout * 1000)), clock));
    return new DucklingEntityExtractor(
        new LocalDuckling(clock, zone, region(locale)), remote, dimensions, locale, zone.getId());
  }

  private static String defaultLocale(String language) {
    return language != null && language.toLowerCase(Locale.ROOT).startsWith("zh")
        ? "zh_CN"
        : "en_US";
  }

  private static String region(String locale) {
    String[] parts = locale.split("[_-]");
    return parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "US";
  }
}
