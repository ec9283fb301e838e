package dev.parley.plugins.nlu.logreg;

import dev.parley.plugins.testkit.contract.IntentClassifierContract;

/** LogisticRegressionIntentClassifier against the intent classifier contract. */
class LogisticRegressionIntentClassifierContractTest
    extends IntentClassifierContract<LogisticRegressionIntentClassifierFactory> {

  @Override
  protected LogisticRegressionIntentClassifierFactory factory() {
    return new LogisticRegressionIntentClassifierFactory();
  }
}
