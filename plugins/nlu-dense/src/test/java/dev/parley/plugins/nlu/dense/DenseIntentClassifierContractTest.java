package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import dev.parley.plugins.testkit.contract.IntentClassifierContract;

/** DenseIntentClassifier against the intent classifier contract. */
class DenseIntentClassifierContractTest
    extends IntentClassifierContract<DenseIntentClassifierFactory> {

  @Override
  protected DenseIntentClassifierFactory factory() {
    return new DenseIntentClassifierFactory();
  }

  @Override
  protected TrainingData trainingData() {
    return TrainingDataBuilder.englishIntents();
  }
}
