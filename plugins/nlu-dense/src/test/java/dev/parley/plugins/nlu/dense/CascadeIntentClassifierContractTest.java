package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import dev.parley.plugins.testkit.contract.IntentClassifierContract;

/** CascadeIntentClassifier against the intent classifier contract. */
class CascadeIntentClassifierContractTest
    extends IntentClassifierContract<CascadeIntentClassifierFactory> {

  @Override
  protected CascadeIntentClassifierFactory factory() {
    return new CascadeIntentClassifierFactory();
  }

  @Override
  protected TrainingData trainingData() {
    return TrainingDataBuilder.englishIntents();
  }
}
