package dev.parley.plugins.entity.synonyms;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.dialogue.Artifacts;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Replaces entity values that are synonyms (compared lower-cased) by their canonical value. */
final class EntitySynonymMapper implements EntityExtractor, Trainable {

  private static final String SYNONYMS = "synonyms";

  private volatile Map<String, String> synonyms = Map.of();

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    HashMap<String, String> map = new HashMap<>();
    data.synonyms().forEach((text, canonical) -> map.put(text.toLowerCase(Locale.ROOT), canonical));
    Artifacts.write(storage, SYNONYMS, map);
    synonyms = map;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void load(ModelStorage storage) {
    synonyms = Artifacts.read(storage, SYNONYMS, HashMap.class, EntitySynonymMapper.class);
  }

  @Override
  public List<Entity> extract(Message message, List<Entity> previous) {
    return previous.stream()
        .map(
            entity -> {
              if (!(entity.value() instanceof String value)) {
                return entity;
              }
              String canonical = synonyms.get(value.toLowerCase(Locale.ROOT));
              return canonical == null || canonical.equals(value)
                  ? entity
                  : entity.withValue(canonical, EntitySynonymMapperFactory.ID);
            })
        .toList();
  }
}
