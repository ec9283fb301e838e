package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import dev.parley.plugins.testkit.contract.IntentClassifierContract;

/** HybridIntentClassifier against the intent classifier contract. */
class HybridIntentClassifierContractTest
    extends IntentClassifierContract<HybridIntentClassifierFactory> {

  @Override
  protected HybridIntentClassifierFactory factory() {
    return new HybridIntentClassifierFactory();
  }

  @Override
  protected TrainingData trainingData() {
    return TrainingDataBuilder.englishIntents();
  }
}
