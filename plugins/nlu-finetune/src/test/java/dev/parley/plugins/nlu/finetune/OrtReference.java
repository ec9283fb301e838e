package dev.parley.plugins.nlu.finetune;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;

/** Runs an ONNX model on a token batch with ONNX Runtime, for comparing with the DJL forward. */
final class OrtReference {

  private OrtReference() {}

  /** The model's first output for the batch. */
  static Object run(byte[] model, TokenBatch batch) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model);
        OnnxTensor ids = OnnxTensor.createTensor(env, batch.ids());
        OnnxTensor mask = OnnxTensor.createTensor(env, batch.mask());
        OnnxTensor types = OnnxTensor.createTensor(env, new long[batch.size()][batch.length()])) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", ids);
      inputs.put("attention_mask", mask);
      if (session.getInputNames().contains("token_type_ids")) {
        inputs.put("token_type_ids", types);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        return result.get(0).getValue();
      }
    }
  }

  /** The cosine of the angle between two vectors. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int d = 0; d < a.length; d++) {
      dot += a[d] * b[d];
      na += a[d] * a[d];
      nb += b[d] * b[d];
    }
    return dot / Math.sqrt(na * nb);
  }

  /** The mean over unmasked tokens of {@code [texts][tokens][hidden]} states. */
  static float[][] meanPooled(float[][][] states, long[][] mask) {
    float[][] pooled = new float[states.length][states[0][0].length];
    for (int i = 0; i < states.length; i++) {
      int count = 0;
      for (int t = 0; t < states[i].length; t++) {
        if (mask[i][t] != 0) {
          count++;
          for (int d = 0; d < pooled[i].length; d++) {
            pooled[i][d] += states[i][t][d];
          }
        }
      }
      for (int d = 0; d < pooled[i].length; d++) {
        pooled[i][d] /= count;
      }
    }
    return pooled;
  }
}
