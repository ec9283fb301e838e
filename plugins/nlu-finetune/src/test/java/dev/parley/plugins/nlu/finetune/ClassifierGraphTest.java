package dev.parley.plugins.nlu.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl;
import dev.parley.plugin.PluginException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassifierGraphTest {

  private static final BaseEncoder BASE = BaseEncoder.ALL_MINILM_L6_V2;
  private static final List<String> TEXTS =
      List.of("play the new album by adele", "will it rain in berlin tomorrow", "hi");
  private static final int CLASSES = 3;

  @Test
  void servesTheFineTunedLayersAndHeadAsTheTrainingForwardComputesThem() throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(BASE.onnx());
    EncoderWeights base = EncoderWeights.of(model);
    FineTunedWeights tuned = perturbed(base);
    TokenBatch batch = TokenBatch.of(BASE.tokenizer(64), TEXTS);

    float[][] served =
        (float[][])
            OrtReference.run(
                ClassifierGraph.model(model, tuned, ClassifierGraph.Output.TEXTS).toByteArray(),
                batch);
    float[] expected = trainingForward(base.with(tuned.encoder()), tuned, batch);
    float[] unchanged = trainingForward(base, tuned, batch);

    double differenceFromBase = 0;
    for (int i = 0; i < TEXTS.size(); i++) {
      float sum = 0;
      for (int c = 0; c < CLASSES; c++) {
        assertEquals(expected[i * CLASSES + c], served[i][c], 1e-4, TEXTS.get(i));
        differenceFromBase += Math.abs(unchanged[i * CLASSES + c] - served[i][c]);
        sum += served[i][c];
      }
      assertEquals(1f, sum, 1e-5);
    }
    assertTrue(differenceFromBase > 1e-3, "the replaced layer must change the output");
  }

  @Test
  void servesTheTokenHeadAsTheTrainingForwardComputesIt() throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(BASE.onnx());
    EncoderWeights base = EncoderWeights.of(model);
    FineTunedWeights tuned = perturbed(base);
    TokenBatch batch = TokenBatch.of(BASE.tokenizer(64), TEXTS);

    float[][][] served =
        (float[][][])
            OrtReference.run(
                ClassifierGraph.model(model, tuned, ClassifierGraph.Output.TOKENS).toByteArray(),
                batch);
    float[] expected = tokenForward(base.with(tuned.encoder()), tuned, batch);

    int length = batch.length();
    for (int i = 0; i < TEXTS.size(); i++) {
      for (int t = 0; t < length; t++) {
        for (int c = 0; c < CLASSES; c++) {
          assertEquals(
              expected[(i * length + t) * CLASSES + c],
              served[i][t][c],
              1e-4,
              TEXTS.get(i) + " token " + t);
        }
      }
    }
  }

  @Test
  void refusesWeightsThatDoNotBelongToTheBaseModel() throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(BASE.onnx());
    FineTunedWeights tuned = perturbed(EncoderWeights.of(model));
    FineTunedWeights foreign =
        new FineTunedWeights(
            List.of(tuned.encoder().get(0).renamed("not.in.the.model")),
            tuned.headWeights(),
            tuned.headBias());
    PluginException error =
        assertThrows(
            PluginException.class,
            () -> ClassifierGraph.model(model, foreign, ClassifierGraph.Output.TEXTS));
    assertTrue(error.getMessage().contains("do not fit the base model"), error.getMessage());
  }

  @Test
  void weightsSurviveTheirStoredForm() throws Exception {
    FineTunedWeights tuned = perturbed(EncoderWeights.of(OnnxMl.ModelProto.parseFrom(BASE.onnx())));
    FineTunedWeights read = FineTunedWeights.fromBytes(tuned.toBytes());
    assertEquals(tuned.encoder(), read.encoder());
    assertEquals(tuned.headWeights(), read.headWeights());
    assertEquals(tuned.headBias(), read.headBias());
  }

  /** The top layer's query projection scaled, and a random head. */
  private static FineTunedWeights perturbed(EncoderWeights base) {
    NamedTensor query =
        base.get("encoder.layer." + (base.layers() - 1) + ".attention.self.query.weight");
    float[] scaled = query.values().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 1.5f;
    }
    Random random = new Random(3);
    float[] head = new float[base.hidden() * CLASSES];
    for (int i = 0; i < head.length; i++) {
      head[i] = (float) random.nextGaussian();
    }
    return new FineTunedWeights(
        List.of(new NamedTensor(query.name(), query.shape(), scaled)),
        new NamedTensor("w", new long[] {base.hidden(), CLASSES}, head),
        new NamedTensor("b", new long[] {CLASSES}, new float[] {0.1f, -0.2f, 0.3f}));
  }

  private static float[] trainingForward(
      EncoderWeights weights, FineTunedWeights tuned, TokenBatch batch) {
    try (NDManager manager =
        NDManager.newBaseManager(Device.cpu(), FineTuner.pytorch().getEngineName())) {
      TransformerForward forward = new TransformerForward(manager, weights, BASE.heads());
      NDArray pooled = TransformerForward.pool(manager, forward.hidden(manager, batch), batch);
      NDArray head =
          manager.create(tuned.headWeights().values(), new Shape(tuned.headWeights().shape()));
      NDArray bias = manager.create(tuned.headBias().values());
      return pooled.matMul(head).add(bias).softmax(-1).toFloatArray();
    }
  }

  private static float[] tokenForward(
      EncoderWeights weights, FineTunedWeights tuned, TokenBatch batch) {
    try (NDManager manager =
        NDManager.newBaseManager(Device.cpu(), FineTuner.pytorch().getEngineName())) {
      NDArray hidden =
          new TransformerForward(manager, weights, BASE.heads()).hidden(manager, batch);
      NDArray head =
          manager.create(tuned.headWeights().values(), new Shape(tuned.headWeights().shape()));
      NDArray bias = manager.create(tuned.headBias().values());
      return hidden.matMul(head).add(bias).softmax(-1).toFloatArray();
    }
  }
}
