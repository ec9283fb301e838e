package dev.parley.plugins.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginKind;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link IntentClassifierFactory} and its {@link IntentClassifier}: a ranking
 * best first, each intent once, confidences between 0 and 1, the same answers under concurrent use,
 * plus everything in {@link PluginContract}. Extend it with your factory:
 *
 * <pre>{@code
 * class KeywordClassifierContractTest extends IntentClassifierContract<KeywordClassifierFactory> {
 *   protected KeywordClassifierFactory factory() { return new KeywordClassifierFactory(); }
 * }
 * }</pre>
 *
 * @param <F> the factory type
 */
public abstract class IntentClassifierContract<F extends IntentClassifierFactory>
    extends PluginContract<IntentClassifier, F> {

  /** The bilingual greet/goodbye/order set of {@link TrainingDataBuilder#bilingualIntents()}. */
  @Override
  protected TrainingData trainingData() {
    return TrainingDataBuilder.bilingualIntents();
  }

  /** Messages to classify: known, unknown, mixed-language and empty texts. */
  protected List<String> messages() {
    return List.of(
        "hello there",
        "I want to order a pizza please",
        "再见",
        "bye, and thanks for the burger",
        "qwxz vvkj",
        "12345",
        "");
  }

  @Override
  final Class<?> extensionPoint() {
    return IntentClassifierFactory.class;
  }

  @Override
  final PluginKind kind() {
    return PluginKind.INTENT_CLASSIFIER;
  }

  @Override
  final List<String> observe(IntentClassifier worker) {
    List<String> answers = new ArrayList<>();
    for (String text : messages()) {
      StringBuilder answer = new StringBuilder(text).append(" ->");
      for (IntentPrediction prediction : classify(worker, text)) {
        answer.append(' ').append(prediction.name()).append('=');
        answer.append(confidence(prediction.confidence()));
      }
      answers.add(answer.toString());
    }
    return answers;
  }

  private List<IntentPrediction> classify(IntentClassifier worker, String text) {
    List<IntentPrediction> ranking = worker.classify(new Message(text, language(), Map.of()));
    assertNotNull(ranking, "classify() returned null for '" + text + "'");
    return ranking;
  }

  @Test
  void rankingIsBestFirst() {
    for (String text : messages()) {
      List<IntentPrediction> ranking = classify(readyWorker(), text);
      for (int i = 1; i < ranking.size(); i++) {
        assertTrue(
            ranking.get(i - 1).confidence() >= ranking.get(i).confidence(),
            "not best first for '" + text + "': " + ranking);
      }
    }
  }

  @Test
  void rankingNamesEachIntentOnceWithAConfidence() {
    for (String text : messages()) {
      Set<String> seen = new HashSet<>();
      for (IntentPrediction prediction : classify(readyWorker(), text)) {
        assertNotNull(prediction.name(), "an intent without a name for '" + text + "'");
        assertFalse(prediction.name().isBlank(), "a blank intent for '" + text + "'");
        assertTrue(seen.add(prediction.name()), "ranked twice: " + prediction.name());
        assertConfidence(prediction.confidence(), prediction.name() + " for '" + text + "'");
      }
    }
  }

  @Test
  void safeForConcurrentUse() throws Exception {
    assertSafeForConcurrentUse(readyWorker());
  }
}
