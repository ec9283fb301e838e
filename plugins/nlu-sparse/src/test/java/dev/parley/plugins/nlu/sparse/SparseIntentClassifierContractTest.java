package dev.parley.plugins.nlu.sparse;

import dev.parley.plugins.testkit.contract.IntentClassifierContract;

/** SparseIntentClassifier against the intent classifier contract. */
class SparseIntentClassifierContractTest
    extends IntentClassifierContract<SparseIntentClassifierFactory> {

  @Override
  protected SparseIntentClassifierFactory factory() {
    return new SparseIntentClassifierFactory();
  }
}
