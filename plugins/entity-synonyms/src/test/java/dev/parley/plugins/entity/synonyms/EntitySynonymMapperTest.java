package dev.parley.plugins.entity.synonyms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitySynonymMapperTest {

  @Test
  void mapsSynonymsCaseInsensitivelyAndRecordsTheProcessor() {
    MemoryStorage storage = new MemoryStorage();
    new EntitySynonymMapper()
        .train(
            new TrainingDataBuilder().synonym("veggie", "vegetarian").synonym("大", "大份").build(),
            storage);
    EntitySynonymMapper mapper = new EntitySynonymMapper();
    mapper.load(storage);
    List<Entity> out =
        mapper.extract(
            new Message("x", "en", null),
            List.of(
                Entity.of("kind", "Veggie", 0, 6, 1.0, "r"),
                Entity.of("size", "大", 7, 8, 1.0, "r"),
                Entity.of("kind", "beef", 9, 13, 1.0, "r")));
    assertEquals("vegetarian", out.get(0).value());
    assertEquals(List.of("EntitySynonymMapper"), out.get(0).processors());
    assertEquals("大份", out.get(1).value());
    assertEquals("beef", out.get(2).value());
    assertEquals(List.of(), out.get(2).processors());
  }
}
