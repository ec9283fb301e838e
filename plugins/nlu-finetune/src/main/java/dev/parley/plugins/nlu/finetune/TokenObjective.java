package dev.parley.plugins.nlu.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Token classification: cross-entropy of the head applied to every token's last hidden state,
 * averaged over the real (not padding) tokens.
 *
 * @param tags each training text's tag per token, as the tokenizer splits it
 * @param classes the number of tags
 */
record TokenObjective(List<int[]> tags, int classes) implements TrainingObjective {

  TokenObjective {
    tags = List.copyOf(tags);
  }

  @Override
  public NDArray loss(
      NDManager step,
      NDArray states,
      TokenBatch tokens,
      List<Integer> batch,
      NDArray headWeights,
      NDArray headBias) {
    int length = tokens.length();
    float[] targets = new float[batch.size() * length * classes];
    int counted = 0;
    for (int i = 0; i < batch.size(); i++) {
      int[] textTags = tags.get(batch.get(i));
      for (int t = 0; t < length && tokens.mask()[i][t] == 1; t++) {
        if (t >= textTags.length) {
          throw new IllegalStateException("the tags do not match the tokens of a text");
        }
        targets[(i * length + t) * classes + textTags[t]] = 1f;
        counted++;
      }
    }
    NDArray oneHot = step.create(targets, new Shape(batch.size(), length, classes));
    NDArray logits = states.matMul(headWeights).add(headBias);
    return logits.logSoftmax(-1).mul(oneHot).sum().neg().div(Math.max(1, counted));
  }
}
