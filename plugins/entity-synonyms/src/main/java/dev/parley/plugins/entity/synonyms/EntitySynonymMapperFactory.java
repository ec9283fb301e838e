package dev.parley.plugins.entity.synonyms;

import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;

/** Rasa's {@code EntitySynonymMapper}: synonyms from the NLU data and from annotations. */
public final class EntitySynonymMapperFactory implements EntityExtractorFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "EntitySynonymMapper";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Maps entity values to canonical synonyms";
  }

  @Override
  public EntityExtractor create(PluginContext context) {
    return new EntitySynonymMapper();
  }
}
