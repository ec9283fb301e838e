package dev.parley.plugins.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginKind;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.EntityFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link EntityExtractorFactory} and its {@link EntityExtractor}: entity spans
 * inside the message text, the earlier extractors' entities kept (their values may change), new
 * entities named after the plugin's id, the same answers under concurrent use, plus everything in
 * {@link PluginContract}. Override {@link #trainingData()} and {@link #messages()} with what your
 * extractor finds something in.
 *
 * @param <F> the factory type
 */
public abstract class EntityExtractorContract<F extends EntityExtractorFactory>
    extends PluginContract<EntityExtractor, F> {

  /** Flights and pizzas of {@link EntityFixtures#flightsAndPizzas()}. */
  @Override
  protected TrainingData trainingData() {
    return EntityFixtures.flightsAndPizzas();
  }

  /** Messages to extract from; include some in which the extractor finds entities. */
  protected List<String> messages() {
    return List.of(
        "i want to fly from Berlin to Tokyo",
        "a large pizza with ham and a small one with cheese",
        "hello there",
        "order 12 pizzas for 3pm tomorrow",
        "");
  }

  @Override
  final Class<?> extensionPoint() {
    return EntityExtractorFactory.class;
  }

  @Override
  final PluginKind kind() {
    return PluginKind.ENTITY_EXTRACTOR;
  }

  @Override
  final List<String> observe(EntityExtractor worker) {
    List<String> answers = new ArrayList<>();
    for (String text : messages()) {
      StringBuilder answer = new StringBuilder(text).append(" ->");
      for (Entity entity : extract(worker, text, List.of())) {
        answer.append(' ').append(render(entity));
      }
      answers.add(answer.toString());
    }
    return answers;
  }

  private List<Entity> extract(EntityExtractor worker, String text, List<Entity> previous) {
    List<Entity> entities = worker.extract(new Message(text, language(), Map.of()), previous);
    assertNotNull(entities, "extract() returned null for '" + text + "'");
    return entities;
  }

  private static String render(Entity entity) {
    return entity.entity()
        + "["
        + entity.start()
        + ","
        + entity.end()
        + ")="
        + entity.value()
        + (entity.confidenceEntity() == null ? "" : "@" + confidence(entity.confidenceEntity()))
        + (entity.role() == null ? "" : " role=" + entity.role())
        + (entity.group() == null ? "" : " group=" + entity.group())
        + " by "
        + entity.extractor()
        + entity.processors();
  }

  @Test
  void spansLieInsideTheText() {
    for (String text : messages()) {
      for (Entity entity : extract(readyWorker(), text, List.of())) {
        assertNotNull(entity.entity(), "an entity without a type in '" + text + "'");
        assertFalse(entity.entity().isBlank(), "a blank entity type in '" + text + "'");
        assertTrue(
            0 <= entity.start() && entity.start() <= entity.end() && entity.end() <= text.length(),
            "span outside '" + text + "': " + render(entity));
      }
    }
  }

  @Test
  void newEntitiesNameThePlugin() {
    for (String text : messages()) {
      for (Entity entity : extract(readyWorker(), text, List.of())) {
        assertEquals(factory().id(), entity.extractor(), "extractor of " + render(entity));
      }
    }
  }

  @Test
  void earlierEntitiesAreKept() {
    for (String text : messages()) {
      int end = Math.min(text.length(), Math.max(0, text.indexOf(' ')));
      Entity earlier = Entity.of("contract_marker", text.substring(0, end), 0, end, 1.0, "earlier");
      List<Entity> after = extract(readyWorker(), text, List.of(earlier));
      assertTrue(
          after.stream()
              .anyMatch(
                  entity ->
                      entity.entity().equals(earlier.entity())
                          && entity.start() == earlier.start()
                          && entity.end() == earlier.end()
                          && earlier.extractor().equals(entity.extractor())),
          "an earlier extractor's entity was dropped from '" + text + "'");
    }
  }

  @Test
  void safeForConcurrentUse() throws Exception {
    assertSafeForConcurrentUse(readyWorker());
  }
}
