package dev.parley.plugins.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginKind;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.IntentRecheck;
import dev.parley.plugin.nlu.IntentRecheckFactory;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.RecheckOutcome;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link IntentRecheckFactory} and its {@link IntentRecheck}: a verdict for
 * every uncertain message, whose ranking is best first with confidences between 0 and 1, the same
 * answers under concurrent use, plus everything in {@link PluginContract}.
 *
 * @param <F> the factory type
 */
public abstract class IntentRecheckContract<F extends IntentRecheckFactory>
    extends PluginContract<IntentRecheck, F> {

  /** The bilingual greet/goodbye/order set of {@link TrainingDataBuilder#bilingualIntents()}. */
  @Override
  protected TrainingData trainingData() {
    return TrainingDataBuilder.bilingualIntents();
  }

  /** Uncertain messages to re-check. */
  protected List<String> messages() {
    return List.of("hello there", "I want to order a pizza please", "再见", "qwxz vvkj", "");
  }

  /** The classifiers' uncertain ranking handed to the stage with every message. */
  protected List<IntentPrediction> ranking() {
    return List.of(
        new IntentPrediction("greet", 0.4),
        new IntentPrediction("order", 0.35),
        new IntentPrediction("goodbye", 0.25));
  }

  @Override
  final Class<?> extensionPoint() {
    return IntentRecheckFactory.class;
  }

  @Override
  final PluginKind kind() {
    return PluginKind.INTENT_RECHECK;
  }

  @Override
  final List<String> observe(IntentRecheck worker) {
    List<String> answers = new ArrayList<>();
    for (String text : messages()) {
      RecheckOutcome outcome = recheck(worker, text);
      StringBuilder answer = new StringBuilder(text).append(" -> ").append(outcome.confident());
      for (IntentPrediction prediction : outcome.ranking()) {
        answer.append(' ').append(prediction.name()).append('=');
        answer.append(confidence(prediction.confidence()));
      }
      answers.add(answer.toString());
    }
    return answers;
  }

  private RecheckOutcome recheck(IntentRecheck worker, String text) {
    RecheckOutcome outcome = worker.recheck(new Message(text, language(), Map.of()), ranking());
    assertNotNull(outcome, "recheck() returned null for '" + text + "'");
    return outcome;
  }

  @Test
  void outcomeRankingIsBestFirstWithConfidences() {
    for (String text : messages()) {
      List<IntentPrediction> ranking = recheck(readyWorker(), text).ranking();
      for (int i = 0; i < ranking.size(); i++) {
        assertConfidence(ranking.get(i).confidence(), ranking.get(i).name());
        if (i > 0) {
          assertTrue(
              ranking.get(i - 1).confidence() >= ranking.get(i).confidence(),
              "not best first for '" + text + "': " + ranking);
        }
      }
    }
  }

  @Test
  void safeForConcurrentUse() throws Exception {
    assertSafeForConcurrentUse(readyWorker());
  }
}
