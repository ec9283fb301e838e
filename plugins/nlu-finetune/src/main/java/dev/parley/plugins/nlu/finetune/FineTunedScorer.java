package dev.parley.plugins.nlu.finetune;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One fine-tuned model version served by ONNX Runtime (one intra-op thread, as every parse runs on
 * its own request thread): text in, the probabilities of its classes or of its tokens' classes out.
 * {@link #close} releases the session.
 */
final class FineTunedScorer implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;

  FineTunedScorer(byte[] model, HuggingFaceTokenizer tokenizer) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(model, options);
    }
    this.tokenizer = tokenizer;
    this.typeIds = session.getInputNames().contains("token_type_ids");
  }

  /** The probability of each class of a text classifier, in the model's order. */
  float[] probabilities(String text) {
    return ((float[][]) run(tokenizer.encode(text), ClassifierGraph.PROBABILITIES))[0];
  }

  /** The text's tokens, as this model's tokenizer splits it. */
  Encoding encode(String text) {
    return tokenizer.encode(text);
  }

  /** Each token's probability of each class, {@code [tokens][classes]}, of a token classifier. */
  float[][] tokenProbabilities(Encoding encoding) {
    return ((float[][][]) run(encoding, ClassifierGraph.TOKEN_PROBABILITIES))[0];
  }

  private Object run(Encoding encoding, String output) {
    long[] ids = encoding.getIds();
    long[] shape = {1, ids.length};
    Map<String, OnnxTensor> inputs = new HashMap<>(4);
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor =
            OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getAttentionMask()), shape);
        OnnxTensor typeTensor =
            typeIds
                ? OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape)
                : null) {
      inputs.put("input_ids", idTensor);
      inputs.put("attention_mask", maskTensor);
      if (typeTensor != null) {
        inputs.put("token_type_ids", typeTensor);
      }
      try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
        return result.get(0).getValue();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the fine-tuned model failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot release the fine-tuned model", e);
    }
  }
}
