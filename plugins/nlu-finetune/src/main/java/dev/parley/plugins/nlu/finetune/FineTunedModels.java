package dev.parley.plugins.nlu.finetune;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtException;
import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import java.nio.charset.StandardCharsets;

/**
 * What the fine-tuned classifiers share: reading the base model, building and opening a version.
 */
final class FineTunedModels {

  private FineTunedModels() {}

  /**
   * An ONNX Runtime session over the base graph with the fine-tuned weights and head, its
   * projections in 8 bits when {@code int8}.
   */
  static FineTunedScorer scorer(
      OnnxMl.ModelProto baseModel,
      FineTunedWeights tuned,
      HuggingFaceTokenizer tokenizer,
      ClassifierGraph.Output output,
      boolean int8) {
    OnnxMl.ModelProto model = ClassifierGraph.model(baseModel, tuned, output);
    try {
      return new FineTunedScorer(
          (int8 ? GraphQuantizer.quantize(model) : model).toByteArray(), tokenizer);
    } catch (OrtException e) {
      throw new PluginException(
          "ONNX Runtime cannot open the fine-tuned model: " + e.getMessage(), e);
    }
  }

  /** Records which base encoder a version was fine-tuned from. */
  static void writeBase(ModelStorage storage, String name, BaseEncoder base) {
    storage.write(name, base.id().getBytes(StandardCharsets.UTF_8));
  }

  /** The base encoder a stored version was fine-tuned from. */
  static BaseEncoder readBase(ModelStorage storage, String name, String what) {
    String baseId =
        storage
            .read(name)
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .orElseThrow(() -> new PluginException("no stored fine-tuned " + what));
    return BaseEncoder.byId(baseId)
        .orElseThrow(
            () ->
                new PluginException(
                    "the stored "
                        + what
                        + " was fine-tuned from "
                        + baseId
                        + ", which this server does not have; retrain the bot"));
  }
}
