package dev.parley.plugins.entity.regex;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import java.util.List;

/** Rasa's {@code RegexEntityExtractor}: entities from regexes and lookup tables in the NLU data. */
public final class RegexEntityExtractorFactory implements EntityExtractorFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "RegexEntityExtractor";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Entities from the regexes and lookup tables of the NLU data";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        ConfigProperty.bool("use_regexes", true, "use the regex: patterns"),
        ConfigProperty.bool("use_lookup_tables", true, "use the lookup: tables"),
        ConfigProperty.bool("use_word_boundaries", true, "accepted for Rasa compatibility"),
        ConfigProperty.bool("case_sensitive", false, "match case exactly"));
  }

  @Override
  public EntityExtractor create(PluginContext context) {
    var config = context.config();
    return new RegexEntityExtractor(
        config.getBoolean("use_regexes"),
        config.getBoolean("use_lookup_tables"),
        config.getBoolean("case_sensitive"));
  }
}
