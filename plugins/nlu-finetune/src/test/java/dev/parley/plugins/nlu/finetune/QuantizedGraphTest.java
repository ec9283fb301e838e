package dev.parley.plugins.nlu.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuantizedGraphTest {

  private static final List<String> TEXTS =
      List.of(
          "book a flight from boston to denver on monday morning",
          "add this song to my summer playlist",
          "what's the cheapest fare to san francisco?");

  @Test
  void dequantizedEncoderHasOnlyFloatWeightsUnderTheirModuleNames() throws Exception {
    OnnxMl.ModelProto quantized = OnnxMl.ModelProto.parseFrom(BaseEncoder.BGE_SMALL_EN_V15.onnx());
    OnnxMl.ModelProto floats = QuantizedGraph.dequantize(quantized);

    Set<String> quantizationOps =
        Set.of("MatMulInteger", "DynamicQuantizeLinear", "DequantizeLinear");
    assertTrue(
        floats.getGraph().getNodeList().stream()
            .noneMatch(node -> quantizationOps.contains(node.getOpType())));
    assertTrue(
        floats.getGraph().getInitializerList().stream()
            .allMatch(
                t ->
                    t.getDataType() == OnnxMl.TensorProto.DataType.FLOAT.getNumber()
                        || t.getDataType() == OnnxMl.TensorProto.DataType.INT64.getNumber()));
    EncoderWeights weights = EncoderWeights.of(floats);
    assertEquals(12, weights.layers());
    assertEquals(384, weights.hidden());
    assertEquals(1536, weights.get("encoder.layer.11.intermediate.dense.weight").shape()[1]);
    assertEquals(30522, weights.get("embeddings.word_embeddings.weight").shape()[0]);
  }

  @Test
  void dequantizedEncoderComputesWhatTheQuantizedOneApproximates() throws Exception {
    byte[] quantized = BaseEncoder.BGE_SMALL_EN_V15.onnx();
    byte[] floats = BaseEncoder.BGE_SMALL_EN_V15.graph().toByteArray();
    TokenBatch batch = TokenBatch.of(BaseEncoder.BGE_SMALL_EN_V15.tokenizer(64), TEXTS);

    float[][] before =
        OrtReference.meanPooled((float[][][]) OrtReference.run(quantized, batch), batch.mask());
    float[][] after =
        OrtReference.meanPooled((float[][][]) OrtReference.run(floats, batch), batch.mask());

    for (int i = 0; i < TEXTS.size(); i++) {
      double cosine = OrtReference.cosine(before[i], after[i]);
      // only the activations' dynamic quantization differs now
      assertTrue(cosine > 0.98, TEXTS.get(i) + ": cosine " + cosine);
      assertTrue(cosine < 1.0 - 1e-7, "the graph did not change: " + cosine);
    }
    // different texts still differ
    assertTrue(OrtReference.cosine(after[0], after[1]) < 0.95);
  }

  @Test
  void floatModelComesBackUnchanged() throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(BaseEncoder.ALL_MINILM_L6_V2.onnx());
    assertSame(model, QuantizedGraph.dequantize(model));
  }
}
