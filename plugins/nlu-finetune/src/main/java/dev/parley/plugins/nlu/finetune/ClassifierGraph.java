package dev.parley.plugins.nlu.finetune;

import static dev.parley.plugins.nlu.finetune.OnnxNodes.node;

import ai.onnx.proto.OnnxMl;
import dev.parley.plugin.PluginException;
import java.util.HashMap;
import java.util.Map;

/**
 * The served model: the base encoder's ONNX graph with the fine-tuned layers in place of its
 * initializers, followed by the linear head and a softmax, either over the text (after mean pooling
 * over the attention mask) or over each token's last hidden state. Pooling is written as matrix
 * products ({@code mask · hidden} and {@code mask · maskᵀ} for the count) so the added nodes mean
 * the same in every opset the base graphs use.
 */
public final class ClassifierGraph {

  /** The text classifier's output: {@code [texts, classes]} probabilities. */
  public static final String PROBABILITIES = "probabilities";

  /** The token classifier's output: {@code [texts, tokens, classes]} probabilities. */
  public static final String TOKEN_PROBABILITIES = "token_probabilities";

  /** What the head classifies. */
  public enum Output {
    /** Whole texts, from the mean of their tokens. */
    TEXTS,
    /** Each token. */
    TOKENS
  }

  private static final String HIDDEN = "last_hidden_state";

  private ClassifierGraph() {}

  /** The ONNX model. */
  static OnnxMl.ModelProto model(OnnxMl.ModelProto base, FineTunedWeights tuned, Output output) {
    Map<String, NamedTensor> replaced = new HashMap<>();
    tuned.encoder().forEach(tensor -> replaced.put(tensor.name(), tensor));
    OnnxMl.GraphProto original = base.getGraph();
    if (original.getOutputList().stream().noneMatch(o -> o.getName().equals(HIDDEN))) {
      throw new PluginException("the base model has no " + HIDDEN + " output");
    }
    OnnxMl.GraphProto.Builder graph = original.toBuilder().clearInitializer().clearOutput();
    int matched = 0;
    for (OnnxMl.TensorProto initializer : original.getInitializerList()) {
      NamedTensor tensor = replaced.get(initializer.getName());
      if (tensor != null) {
        matched++;
        graph.addInitializer(tensor.toProto());
      } else {
        graph.addInitializer(initializer);
      }
    }
    if (matched != replaced.size()) {
      throw new PluginException(
          "the fine-tuned weights do not fit the base model ("
              + matched
              + " of "
              + replaced.size()
              + " tensors found)");
    }
    graph.addInitializer(tuned.headWeights().toProto());
    graph.addInitializer(tuned.headBias().toProto());
    if (output == Output.TEXTS) {
      addTextHead(graph, tuned.classes());
    } else {
      addTokenHead(graph, tuned.classes());
    }
    return base.toBuilder().setGraph(graph).build();
  }

  private static void addTextHead(OnnxMl.GraphProto.Builder graph, int classes) {
    graph.addInitializer(int64("parley_row_shape", 0, 1, -1));
    graph.addInitializer(int64("parley_column_shape", 0, -1, 1));
    graph.addInitializer(int64("parley_flat_shape", 0, -1));
    graph.addNode(node("Cast", "parley_mask", Map.of("to", 1L), "attention_mask"));
    graph.addNode(node("Reshape", "parley_mask_row", Map.of(), "parley_mask", "parley_row_shape"));
    graph.addNode(
        node("Reshape", "parley_mask_column", Map.of(), "parley_mask", "parley_column_shape"));
    graph.addNode(node("MatMul", "parley_sum", Map.of(), "parley_mask_row", HIDDEN));
    graph.addNode(
        node("MatMul", "parley_count", Map.of(), "parley_mask_row", "parley_mask_column"));
    graph.addNode(node("Div", "parley_mean", Map.of(), "parley_sum", "parley_count"));
    graph.addNode(node("Reshape", "parley_pooled", Map.of(), "parley_mean", "parley_flat_shape"));
    graph.addNode(
        node(
            "MatMul",
            "parley_projected",
            Map.of(),
            "parley_pooled",
            FineTunedWeights.HEAD_WEIGHTS));
    graph.addNode(
        node("Add", "parley_logits", Map.of(), "parley_projected", FineTunedWeights.HEAD_BIAS));
    graph.addNode(node("Softmax", PROBABILITIES, Map.of("axis", 1L), "parley_logits"));
    graph.addOutput(floatOutput(PROBABILITIES, dimension("texts"), dimension(classes)));
  }

  private static void addTokenHead(OnnxMl.GraphProto.Builder graph, int classes) {
    graph.addNode(
        node("MatMul", "parley_token_projected", Map.of(), HIDDEN, FineTunedWeights.HEAD_WEIGHTS));
    graph.addNode(
        node(
            "Add",
            "parley_token_logits",
            Map.of(),
            "parley_token_projected",
            FineTunedWeights.HEAD_BIAS));
    // axis 2 is the last axis, so every opset's Softmax means the same here
    graph.addNode(node("Softmax", TOKEN_PROBABILITIES, Map.of("axis", 2L), "parley_token_logits"));
    graph.addOutput(
        floatOutput(
            TOKEN_PROBABILITIES, dimension("texts"), dimension("tokens"), dimension(classes)));
  }

  private static OnnxMl.ValueInfoProto floatOutput(
      String name, OnnxMl.TensorShapeProto.Dimension... dimensions) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    for (OnnxMl.TensorShapeProto.Dimension dimension : dimensions) {
      shape.addDim(dimension);
    }
    return OnnxMl.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            OnnxMl.TypeProto.newBuilder()
                .setTensorType(
                    OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
        .build();
  }

  private static OnnxMl.TensorShapeProto.Dimension dimension(String name) {
    return OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(name).build();
  }

  private static OnnxMl.TensorShapeProto.Dimension dimension(long size) {
    return OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(size).build();
  }

  private static OnnxMl.TensorProto int64(String name, long... values) {
    OnnxMl.TensorProto.Builder tensor =
        OnnxMl.TensorProto.newBuilder()
            .setName(name)
            .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber())
            .addDims(values.length);
    for (long value : values) {
      tensor.addInt64Data(value);
    }
    return tensor.build();
  }
}
