package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import dev.parley.plugins.testkit.contract.IntentRecheckContract;
import java.util.List;

/** EmbeddingFewShotRecheck against the intent re-check contract. */
class EmbeddingFewShotRecheckContractTest
    extends IntentRecheckContract<EmbeddingFewShotRecheckFactory> {

  @Override
  protected EmbeddingFewShotRecheckFactory factory() {
    return new EmbeddingFewShotRecheckFactory();
  }

  @Override
  protected TrainingData trainingData() {
    return TrainingDataBuilder.englishIntents();
  }

  @Override
  protected List<IntentPrediction> ranking() {
    return List.of(new IntentPrediction("greet", 0.5), new IntentPrediction("goodbye", 0.4));
  }
}
