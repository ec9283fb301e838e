package dev.parley.plugins.nlu.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Text classification: cross-entropy of the head applied to the mean of the tokens' last hidden
 * states.
 *
 * @param labels each training text's class
 * @param classes the number of classes
 */
record IntentObjective(List<Integer> labels, int classes) implements TrainingObjective {

  IntentObjective {
    labels = List.copyOf(labels);
  }

  @Override
  public NDArray loss(
      NDManager step,
      NDArray states,
      TokenBatch tokens,
      List<Integer> batch,
      NDArray headWeights,
      NDArray headBias) {
    float[] targets = new float[batch.size() * classes];
    for (int i = 0; i < batch.size(); i++) {
      targets[i * classes + labels.get(batch.get(i))] = 1f;
    }
    NDArray oneHot = step.create(targets, new Shape(batch.size(), classes));
    NDArray logits =
        TransformerForward.pool(step, states, tokens).matMul(headWeights).add(headBias);
    return logits.logSoftmax(-1).mul(oneHot).sum().neg().div(batch.size());
  }
}
