package dev.parley.plugins.nlu.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Intents and entities learned together (an experiment): one head whose first columns classify the
 * text and whose other columns tag the tokens; the loss is the sum of the two.
 */
record JointObjective(IntentObjective intents, TokenObjective tokens) implements TrainingObjective {

  @Override
  public int classes() {
    return intents.classes() + tokens.classes();
  }

  @Override
  public NDArray loss(
      NDManager step,
      NDArray states,
      TokenBatch batchTokens,
      List<Integer> batch,
      NDArray headWeights,
      NDArray headBias) {
    int split = intents.classes();
    String textColumns = ":, 0:" + split;
    String tokenColumns = ":, " + split + ":";
    NDArray intentLoss =
        intents.loss(
            step,
            states,
            batchTokens,
            batch,
            headWeights.get(textColumns),
            headBias.get("0:" + split));
    NDArray tokenLoss =
        tokens.loss(
            step,
            states,
            batchTokens,
            batch,
            headWeights.get(tokenColumns),
            headBias.get(split + ":"));
    return intentLoss.add(tokenLoss);
  }
}
