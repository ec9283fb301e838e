package dev.parley.plugins.nlu.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT encoder's forward pass written with DJL's arrays, so PyTorch can differentiate it: token,
 * position and type embeddings, then self-attention and feed-forward layers with post-layer
 * normalisation and exact GELU, giving every token's last hidden state (or their mean over the
 * unmasked tokens). It computes what the ONNX graph the weights came from computes (checked against
 * ONNX Runtime in the tests).
 */
final class TransformerForward {

  private static final float LAYER_NORM_EPSILON = 1e-12f;

  private final Map<String, NDArray> weights = new LinkedHashMap<>();
  private final int hidden;
  private final int heads;
  private final int layers;

  /**
   * Copies the weights into arrays owned by {@code manager}.
   *
   * @param base the encoder's weights
   * @param heads the number of attention heads
   */
  TransformerForward(NDManager manager, EncoderWeights base, int heads) {
    base.all()
        .forEach(
            (name, tensor) ->
                weights.put(name, manager.create(tensor.values(), new Shape(tensor.shape()))));
    this.hidden = base.hidden();
    this.heads = heads;
    this.layers = base.layers();
  }

  /** The arrays by module name (the embedding tables first). */
  Map<String, NDArray> weights() {
    return weights;
  }

  /** The module names of the layers at or above {@code firstTrained} and the embeddings' norm. */
  List<String> trainable(int firstTrained) {
    return weights.keySet().stream()
        .filter(
            name ->
                name.startsWith("embeddings.LayerNorm")
                    ? firstTrained == 0
                    : name.startsWith("encoder.layer.") && layerOf(name) >= firstTrained)
        .toList();
  }

  private static int layerOf(String name) {
    return Integer.parseInt(name.split("\\.")[2]);
  }

  /** The mean of {@code states} ({@code [texts, tokens, hidden]}) over each text's real tokens. */
  static NDArray pool(NDManager step, NDArray states, TokenBatch batch) {
    NDArray tokenMask = mask(step, batch).reshape(batch.size(), batch.length(), 1);
    return states.mul(tokenMask).sum(new int[] {1}).div(tokenMask.sum(new int[] {1}));
  }

  /** The batch's attention mask as floats, {@code [texts, tokens]}. */
  static NDArray mask(NDManager step, TokenBatch batch) {
    int texts = batch.size();
    int length = batch.length();
    float[] flatMask = new float[texts * length];
    for (int i = 0; i < texts; i++) {
      for (int t = 0; t < length; t++) {
        flatMask[i * length + t] = batch.mask()[i][t];
      }
    }
    return step.create(flatMask, new Shape(texts, length));
  }

  /**
   * The last hidden state of every token, {@code [texts, tokens, hidden]}, in arrays owned by
   * {@code step}.
   */
  NDArray hidden(NDManager step, TokenBatch batch) {
    int texts = batch.size();
    int length = batch.length();
    long[] flatIds = new long[texts * length];
    for (int i = 0; i < texts; i++) {
      System.arraycopy(batch.ids()[i], 0, flatIds, i * length, length);
    }
    NDArray words =
        owned(
            step,
            weight("embeddings.word_embeddings.weight")
                .get(new NDIndex("{}", step.create(flatIds))));
    NDArray positions =
        owned(
            step, weight("embeddings.position_embeddings.weight").get(new NDIndex("0:" + length)));
    NDArray types =
        owned(step, weight("embeddings.token_type_embeddings.weight").get(new NDIndex("0:1")));
    NDArray x =
        layerNorm(
            words.reshape(texts, length, hidden).add(positions).add(types), "embeddings.LayerNorm");
    NDArray maskBias = mask(step, batch).sub(1f).mul(10000f).reshape(texts, 1, 1, length);
    int headSize = hidden / heads;
    float scale = (float) Math.sqrt(headSize);
    for (int l = 0; l < layers; l++) {
      String layer = "encoder.layer." + l;
      NDArray query = heads(dense(x, layer + ".attention.self.query"), texts, length, headSize);
      NDArray key = heads(dense(x, layer + ".attention.self.key"), texts, length, headSize);
      NDArray value = heads(dense(x, layer + ".attention.self.value"), texts, length, headSize);
      NDArray attention =
          query.matMul(key.transpose(0, 1, 3, 2)).div(scale).add(maskBias).softmax(-1);
      NDArray context =
          attention.matMul(value).transpose(0, 2, 1, 3).reshape(texts, length, hidden);
      x =
          layerNorm(
              dense(context, layer + ".attention.output.dense").add(x),
              layer + ".attention.output.LayerNorm");
      NDArray inner = Activation.gelu(dense(x, layer + ".intermediate.dense"));
      x = layerNorm(dense(inner, layer + ".output.dense").add(x), layer + ".output.LayerNorm");
    }
    return x;
  }

  private NDArray heads(NDArray projected, int texts, int length, int headSize) {
    return projected.reshape(texts, length, heads, headSize).transpose(0, 2, 1, 3);
  }

  private NDArray dense(NDArray x, String module) {
    return x.matMul(weight(module + ".weight")).add(weight(module + ".bias"));
  }

  private NDArray layerNorm(NDArray x, String module) {
    NDArray centred = x.sub(x.mean(new int[] {-1}, true));
    NDArray variance = centred.square().mean(new int[] {-1}, true);
    return centred
        .div(variance.add(LAYER_NORM_EPSILON).sqrt())
        .mul(weight(module + ".weight"))
        .add(weight(module + ".bias"));
  }

  private NDArray weight(String name) {
    NDArray array = weights.get(name);
    if (array == null) {
      throw new IllegalStateException("the encoder has no weight " + name);
    }
    return array;
  }

  /**
   * Results of an operation on a weight belong to the weight's manager; move them to the step's.
   */
  private static NDArray owned(NDManager step, NDArray array) {
    array.attach(step);
    return array;
  }
}
