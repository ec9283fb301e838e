package dev.parley.plugins.nlu.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransformerForwardTest {

  private static final List<String> TEXTS =
      List.of(
          "book a table for two at an italian place tomorrow night",
          "play some jazz",
          "明天下午三点提醒我开会",
          "what's the weather like in paris this weekend?");

  @ParameterizedTest
  @EnumSource(BaseEncoder.class)
  void computesWhatTheOnnxGraphComputes(BaseEncoder base) throws Exception {
    OnnxMl.ModelProto graph = base.graph();
    byte[] onnx = graph.toByteArray();
    EncoderWeights weights = EncoderWeights.of(graph);
    TokenBatch batch = TokenBatch.of(base.tokenizer(64), TEXTS);
    float[] mine;
    try (NDManager manager =
        NDManager.newBaseManager(Device.cpu(), FineTuner.pytorch().getEngineName())) {
      TransformerForward forward = new TransformerForward(manager, weights, base.heads());
      mine = TransformerForward.pool(manager, forward.hidden(manager, batch), batch).toFloatArray();
    }
    float[][] reference =
        OrtReference.meanPooled((float[][][]) OrtReference.run(onnx, batch), batch.mask());
    for (int i = 0; i < TEXTS.size(); i++) {
      for (int d = 0; d < weights.hidden(); d++) {
        assertEquals(
            reference[i][d], mine[i * weights.hidden() + d], 1e-4, TEXTS.get(i) + " dim " + d);
      }
    }
  }
}
