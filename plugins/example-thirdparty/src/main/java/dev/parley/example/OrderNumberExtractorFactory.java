package dev.parley.example;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code OrderNumberExtractor}: finds order numbers such as {@code #12345}, {@code order 12345} or
 * {@code 订单12345} (4 to 10 digits) and emits them as an entity.
 */
public final class OrderNumberExtractorFactory implements EntityExtractorFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "OrderNumberExtractor";

  private static final Pattern ORDER =
      Pattern.compile("(?:#|(?i:order)\\s*(?:number|no\\.?)?\\s*#?|订单号?\\s*)(\\d{4,10})(?!\\d)");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Order numbers like #12345 or 订单12345";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(ConfigProperty.string("entity", "order_number", "entity name to emit"));
  }

  @Override
  public EntityExtractor create(PluginContext context) {
    String entity = context.config().getString("entity").orElseThrow();
    return (message, previous) -> {
      List<Entity> all = new ArrayList<>(previous);
      Matcher matcher = ORDER.matcher(message.text());
      while (matcher.find()) {
        all.add(Entity.of(entity, matcher.group(1), matcher.start(1), matcher.end(1), 1.0, ID));
      }
      return all;
    };
  }
}
