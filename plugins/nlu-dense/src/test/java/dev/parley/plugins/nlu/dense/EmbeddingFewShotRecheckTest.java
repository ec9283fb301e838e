package dev.parley.plugins.nlu.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.RecheckOutcome;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingFewShotRecheckTest {

  private static final EmbeddingFewShotRecheckFactory FACTORY =
      new EmbeddingFewShotRecheckFactory();
  private static final List<IntentPrediction> UNSURE =
      List.of(new IntentPrediction("greet", 0.4), new IntentPrediction("order_pizza", 0.35));

  private static EmbeddingFewShotRecheck create(Map<String, Object> settings) {
    return (EmbeddingFewShotRecheck)
        FACTORY.create(
            TestContext.of(
                FACTORY.configProperties(),
                settings,
                EmbeddingIntentClassifierTest.english().domain()));
  }

  @Test
  void aCloseParaphraseIsDecidedByItsNearestExamples() {
    MemoryStorage storage = new MemoryStorage();
    EmbeddingFewShotRecheck recheck = create(Map.of("min_similarity", 0.6, "k", 3L));
    recheck.train(EmbeddingIntentClassifierTest.english(), storage);
    RecheckOutcome outcome =
        recheck.recheck(new Message("I would like to order a pizza", "en", null), UNSURE);
    assertTrue(outcome.confident(), outcome.toString());
    assertEquals("order_pizza", outcome.ranking().get(0).name());

    EmbeddingFewShotRecheck loaded = create(Map.of("min_similarity", 0.6, "k", 3L));
    loaded.load(storage);
    assertEquals(
        outcome, loaded.recheck(new Message("I would like to order a pizza", "en", null), UNSURE));
  }

  @Test
  void storedExamplesAreComparedWithMessagesEmbeddedByTheirOwnEncoder() {
    MemoryStorage storage = new MemoryStorage();
    Message message = new Message("I would like to order a pizza", "en", null);
    EmbeddingFewShotRecheck miniLm =
        create(Map.of("min_similarity", 0.6, "embedding_model", "all-minilm-l6-v2-q"));
    miniLm.train(EmbeddingIntentClassifierTest.english(), storage);
    EmbeddingFewShotRecheck bge =
        create(Map.of("min_similarity", 0.6, "embedding_model", "bge-small-en-v1.5-q"));
    bge.load(storage);
    assertEquals(miniLm.recheck(message, UNSURE), bge.recheck(message, UNSURE));
  }

  @Test
  void somethingUnlikeAnyExampleStaysUndecidedWithTheOriginalRanking() {
    EmbeddingFewShotRecheck recheck = create(Map.of());
    recheck.train(EmbeddingIntentClassifierTest.english(), new MemoryStorage());
    RecheckOutcome outcome =
        recheck.recheck(new Message("quantum chromodynamics lecture notes", "en", null), UNSURE);
    assertFalse(outcome.confident(), outcome.toString());
    assertEquals(UNSURE, outcome.ranking());
  }

  @Test
  void badSettingsAndMissingVectorsAreErrors() {
    assertThrows(PluginException.class, () -> create(Map.of("k", 0L)));
    assertThrows(PluginException.class, () -> create(Map.of("min_margin", 2.0)));
    assertThrows(PluginException.class, () -> create(Map.of()).load(new MemoryStorage()));
  }
}
