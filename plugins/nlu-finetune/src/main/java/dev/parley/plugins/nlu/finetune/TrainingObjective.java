package dev.parley.plugins.nlu.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/** What a fine-tuning learns: the size of the head's output and the loss of one batch. */
interface TrainingObjective {

  /** The number of outputs of the linear head. */
  int classes();

  /**
   * The batch's mean loss, differentiable with respect to the encoder and the head.
   *
   * @param step the manager owning the batch's arrays
   * @param forward the encoder
   * @param tokens the batch's tokens
   * @param batch the indices of the batch's texts among the training texts
   * @param headWeights the head's {@code [hidden, classes]} weights
   * @param headBias the head's bias
   */
  default NDArray loss(
      NDManager step,
      TransformerForward forward,
      TokenBatch tokens,
      List<Integer> batch,
      NDArray headWeights,
      NDArray headBias) {
    return loss(step, forward.hidden(step, tokens), tokens, batch, headWeights, headBias);
  }

  /**
   * The batch's mean loss from the encoder's last hidden states, so that several objectives can
   * share one forward pass.
   *
   * @param states the batch's last hidden states, {@code [texts, tokens, hidden]}
   */
  NDArray loss(
      NDManager step,
      NDArray states,
      TokenBatch tokens,
      List<Integer> batch,
      NDArray headWeights,
      NDArray headBias);
}
