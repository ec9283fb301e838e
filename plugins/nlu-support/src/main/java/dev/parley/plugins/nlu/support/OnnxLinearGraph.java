package dev.parley.plugins.nlu.support;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Writes a {@link LinearWeights} as an ONNX model with Tribuo's ONNX builder, taking the sparse
 * vector as it is (so a parse costs the active features, not the vocabulary size): inputs {@code
 * indices} and {@code values} ({@code [n, 1]} float each; indices are cast to int64 in the graph)
 * and, for a model with a dense part, {@code embedding} ({@code [1, d]}); output {@code
 * probabilities} ({@code [1, classes]}): the sigmoid of each class's score Σ values · W[indices] +
 * embedding · D + b, normalised to sum to one (LIBLINEAR's one-vs-rest probabilities). The sparse
 * sum is one Gemm ({@code valuesᵀ · W[indices] + b}) over the gathered rows; models written by
 * earlier versions (gather, multiply, reduce) take the same inputs and give the same outputs.
 */
public final class OnnxLinearGraph {

  /** Input names. */
  public static final String INDICES = "indices";

  /** Input names. */
  public static final String VALUES = "values";

  /** Input names. */
  public static final String EMBEDDING = "embedding";

  /** Output name. */
  public static final String PROBABILITIES = "probabilities";

  private OnnxLinearGraph() {}

  /** The serialised ONNX model. */
  public static byte[] build(LinearWeights weights, String name) {
    ONNXContext context = new ONNXContext();
    context.setName(name);
    int classes = weights.classes();
    ONNXRef<?> logits = context.array("bias", weights.bias());
    if (weights.sparseSize() > 0) {
      ONNXPlaceholder indices = context.floatInput(INDICES, 1);
      ONNXPlaceholder values = context.floatInput(VALUES, 1);
      ONNXInitializer table =
          context.floatTensor(
              "sparse_weights",
              List.of(weights.sparseSize(), classes),
              buffer -> buffer.put(weights.sparseWeights()));
      ONNXNode ids =
          context.operation(
              ReshapeOperator.RESHAPE,
              List.of(indices.cast(long.class), context.array("flat", new long[] {-1})),
              "ids"); // [n]
      ONNXNode rows =
          context.operation(
              ONNXOperators.GATHER, List.of(table, ids), "rows", Map.of("axis", 0)); // [n,c]
      logits =
          context.operation(
              ONNXOperators.GEMM,
              List.of(values, rows, logits),
              "summed",
              Map.of("transA", 1)); // valuesᵀ · rows + bias: [1,c]
    }
    if (weights.denseSize() > 0) {
      ONNXPlaceholder embedding = context.floatInput(EMBEDDING, weights.denseSize());
      ONNXInitializer dense =
          context.floatTensor(
              "dense_weights",
              List.of(weights.denseSize(), classes),
              buffer -> buffer.put(weights.denseWeights()));
      ONNXNode projected =
          context.operation(ONNXOperators.GEMM, List.of(embedding, dense), "projected", Map.of());
      logits = logits.apply(ONNXOperators.ADD, projected);
    }
    ONNXNode scores = logits.apply(ONNXOperators.SIGMOID);
    ONNXNode total =
        context.operation(
            ONNXOperators.REDUCE_SUM,
            List.of(scores, context.array("axis_one", new long[] {1})),
            "total",
            Map.of("keepdims", 1));
    scores.apply(ONNXOperators.DIV, total).assignTo(context.floatOutput(PROBABILITIES, classes));
    OnnxMl.GraphProto graph = context.buildGraph();
    return OnnxMl.ModelProto.newBuilder()
        .setGraph(graph)
        .setIrVersion(7)
        .addOpsetImport(ONNXOperators.getOpsetProto())
        .setProducerName("parley")
        .setModelVersion(1)
        .build()
        .toByteArray();
  }
}
