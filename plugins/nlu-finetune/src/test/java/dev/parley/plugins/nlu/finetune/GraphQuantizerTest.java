package dev.parley.plugins.nlu.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphQuantizerTest {

  private static final List<String> TEXTS =
      List.of(
          "book a flight from boston to denver on monday morning",
          "add this song to my summer playlist",
          "what's the cheapest fare to san francisco?");

  private static final BaseEncoder BASE = BaseEncoder.ALL_MINILM_L6_V2;

  @Test
  void everyProjectionBecomesAnInt8MatMulAndTheModelShrinks() throws Exception {
    OnnxMl.ModelProto floats = BASE.graph();
    OnnxMl.ModelProto int8 = GraphQuantizer.quantize(floats);

    // 6 layers: query, key, value, attention output, intermediate and output dense
    assertEquals(36, count(int8, "MatMulInteger"));
    // one input quantization per distinct input: query, key and value share theirs
    assertEquals(24, count(int8, "DynamicQuantizeLinear"));
    assertEquals(count(floats, "MatMul") - 36, count(int8, "MatMul"));
    double ratio = (double) int8.getSerializedSize() / floats.getSerializedSize();
    // the word embedding table (half the float model) stays in floats
    assertTrue(ratio < 0.7, "int8 model is " + ratio + " of the float one");
  }

  @Test
  void theInt8EncoderComputesWhatTheFloatOneDoes() throws Exception {
    OnnxMl.ModelProto floats = BASE.graph();
    TokenBatch batch = TokenBatch.of(BASE.tokenizer(64), TEXTS);
    float[][] exact =
        OrtReference.meanPooled(
            (float[][][]) OrtReference.run(floats.toByteArray(), batch), batch.mask());
    float[][] approximate =
        OrtReference.meanPooled(
            (float[][][]) OrtReference.run(GraphQuantizer.quantize(floats).toByteArray(), batch),
            batch.mask());
    for (int i = 0; i < TEXTS.size(); i++) {
      double cosine = OrtReference.cosine(exact[i], approximate[i]);
      assertTrue(cosine > 0.98, TEXTS.get(i) + ": cosine " + cosine);
      assertTrue(cosine < 1.0 - 1e-7, "nothing was quantized: " + cosine);
    }
  }

  @Test
  void dequantizingTheInt8GraphGivesBackTheWeightsWithinHalfAStep() {
    OnnxMl.ModelProto floats = BASE.graph();
    OnnxMl.ModelProto roundTrip = QuantizedGraph.dequantize(GraphQuantizer.quantize(floats));
    EncoderWeights before = EncoderWeights.of(floats);
    EncoderWeights after = EncoderWeights.of(roundTrip);
    String name = "encoder.layer.3.attention.self.query.weight";
    float[] original = before.get(name).values();
    float[] restored = after.get(name).values();
    int columns = (int) before.get(name).shape()[1];
    float[] step = new float[columns];
    for (int i = 0; i < original.length; i++) {
      step[i % columns] = Math.max(step[i % columns], Math.abs(original[i]) / 127f);
    }
    for (int i = 0; i < original.length; i++) {
      assertEquals(original[i], restored[i], step[i % columns] / 2 + 1e-7, name + "[" + i + "]");
    }
  }

  @Test
  void aModelWithAnOldOpsetIsLeftAsItIs() {
    OnnxMl.ModelProto floats = BASE.graph();
    OnnxMl.ModelProto old =
        floats.toBuilder()
            .clearOpsetImport()
            .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(10))
            .build();
    assertEquals(old, GraphQuantizer.quantize(old));
  }

  private static long count(OnnxMl.ModelProto model, String op) {
    return model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals(op)).count();
  }
}
