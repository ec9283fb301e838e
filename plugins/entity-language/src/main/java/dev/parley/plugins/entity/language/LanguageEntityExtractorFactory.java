package dev.parley.plugins.entity.language;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LanguageEntityExtractor}: one entity per message naming its language, {@code zh} when it
 * has Han characters and {@code en} otherwise (both configurable). Map a categorical slot from it
 * and condition response variations on that slot.
 */
public final class LanguageEntityExtractorFactory implements EntityExtractorFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "LanguageEntityExtractor";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Emits the message's language (Han script or not) as an entity";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        ConfigProperty.string("entity", "language", "entity name to emit"),
        ConfigProperty.string("han_value", "zh", "value for text with Han characters"),
        ConfigProperty.string("default_value", "en", "value for other text"));
  }

  @Override
  public EntityExtractor create(PluginContext context) {
    var config = context.config();
    String entity = config.getString("entity").orElseThrow();
    String han = config.getString("han_value").orElseThrow();
    String other = config.getString("default_value").orElseThrow();
    return (message, previous) -> {
      String text = message.text();
      boolean hasHan =
          text.codePoints()
              .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
      List<Entity> all = new ArrayList<>(previous);
      all.add(Entity.of(entity, hasHan ? han : other, 0, text.length(), 1.0, ID));
      return all;
    };
  }
}
