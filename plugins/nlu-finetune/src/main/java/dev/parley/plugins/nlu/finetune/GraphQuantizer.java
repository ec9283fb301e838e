package dev.parley.plugins.nlu.finetune;

import static dev.parley.plugins.nlu.finetune.OnnxNodes.node;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quantizes a float graph's projections to 8 bits for serving, the way ONNX Runtime's dynamic
 * quantization does (and {@link QuantizedGraph} undoes): each {@code MatMul} by a constant 2-D
 * weight becomes {@code DynamicQuantizeLinear → MatMulInteger → Cast → Mul}, the weight stored as
 * signed 8-bit values with one symmetric scale per output column, the input quantized per call.
 * Weights whose name starts with {@link #KEEP_PREFIX} (the classification head) stay in floats.
 */
final class GraphQuantizer {

  /** Initializers with this prefix are never quantized. */
  static final String KEEP_PREFIX = "parley_";

  private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT.getNumber();
  private static final int MIN_OPSET = 11;
  private static final String SCALE = "_scale";
  private static final String ZERO_POINT = "_zero_point";

  private GraphQuantizer() {}

  /**
   * The 8-bit form of {@code model}; unchanged when its default-domain opset is older than 11 (no
   * {@code DynamicQuantizeLinear}).
   */
  static OnnxMl.ModelProto quantize(OnnxMl.ModelProto model) {
    long opset =
        model.getOpsetImportList().stream()
            .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
            .mapToLong(OnnxMl.OperatorSetIdProto::getVersion)
            .max()
            .orElse(0);
    if (opset < MIN_OPSET) {
      return model;
    }
    OnnxMl.GraphProto graph = model.getGraph();
    Map<String, OnnxMl.TensorProto> initializers = new HashMap<>();
    graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
    Map<String, Integer> uses = new HashMap<>();
    graph.getNodeList().forEach(n -> n.getInputList().forEach(i -> uses.merge(i, 1, Integer::sum)));
    List<OnnxMl.NodeProto> nodes = new ArrayList<>();
    Map<String, List<OnnxMl.TensorProto>> replacements = new HashMap<>();
    Map<String, String> quantizedInputs = new HashMap<>();
    for (OnnxMl.NodeProto node : graph.getNodeList()) {
      OnnxMl.TensorProto weight =
          node.getOpType().equals("MatMul") ? initializers.get(node.getInput(1)) : null;
      if (weight == null
          || weight.getDataType() != FLOAT
          || weight.getDimsCount() != 2
          || weight.getName().startsWith(KEEP_PREFIX)
          || uses.get(weight.getName()) != 1) {
        nodes.add(node);
        continue;
      }
      replacements.put(weight.getName(), quantizedWeight(weight));
      nodes.addAll(chain(node, weight.getName(), quantizedInputs));
    }
    OnnxMl.GraphProto.Builder builder = graph.toBuilder().clearNode().addAllNode(nodes);
    builder.clearInitializer();
    for (OnnxMl.TensorProto tensor : graph.getInitializerList()) {
      builder.addAllInitializer(replacements.getOrDefault(tensor.getName(), List.of(tensor)));
    }
    return model.toBuilder().setGraph(builder).build();
  }

  /**
   * The nodes that compute {@code matMul}'s output from the quantized weight; the input is
   * quantized once for all the projections that read it (a layer's query, key and value).
   */
  private static List<OnnxMl.NodeProto> chain(
      OnnxMl.NodeProto matMul, String weight, Map<String, String> quantizedInputs) {
    String name = matMul.getName().isEmpty() ? matMul.getOutput(0) : matMul.getName();
    String input = matMul.getInput(0);
    List<OnnxMl.NodeProto> nodes = new ArrayList<>();
    String quantizedInput = quantizedInputs.get(input);
    if (quantizedInput == null) {
      quantizedInput = name + "_input";
      quantizedInputs.put(input, quantizedInput);
      nodes.add(
          OnnxMl.NodeProto.newBuilder()
              .setOpType("DynamicQuantizeLinear")
              .setName(name + "_quantize_input")
              .addInput(input)
              .addOutput(quantizedInput + "_q")
              .addOutput(quantizedInput + "_scale")
              .addOutput(quantizedInput + "_zp")
              .build());
    }
    String product = name + QuantizedGraph.QUANT_SUFFIX;
    nodes.add(
        node(
            "MatMulInteger",
            product,
            Map.of(),
            quantizedInput + "_q",
            weight + QuantizedGraph.QUANTIZED,
            quantizedInput + "_zp",
            weight + ZERO_POINT));
    nodes.add(node("Cast", product + "_float", Map.of("to", (long) FLOAT), product));
    nodes.add(node("Mul", name + "_scale", Map.of(), quantizedInput + "_scale", weight + SCALE));
    nodes.add(node("Mul", matMul.getOutput(0), Map.of(), product + "_float", name + "_scale"));
    return nodes;
  }

  /** The int8 weight, its per-column scales and (zero) zero points. */
  private static List<OnnxMl.TensorProto> quantizedWeight(OnnxMl.TensorProto weight) {
    NamedTensor floats = NamedTensor.of(weight);
    float[] values = floats.values();
    int columns = (int) weight.getDims(1);
    float[] scales = new float[columns];
    for (int i = 0; i < values.length; i++) {
      int column = i % columns;
      scales[column] = Math.max(scales[column], Math.abs(values[i]));
    }
    for (int c = 0; c < columns; c++) {
      scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
    }
    byte[] quantized = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      int q = Math.round(values[i] / scales[i % columns]);
      quantized[i] = (byte) Math.max(-127, Math.min(127, q));
    }
    OnnxMl.TensorProto int8 =
        OnnxMl.TensorProto.newBuilder()
            .setName(weight.getName() + QuantizedGraph.QUANTIZED)
            .setDataType(OnnxMl.TensorProto.DataType.INT8.getNumber())
            .addAllDims(weight.getDimsList())
            .setRawData(ByteString.copyFrom(quantized))
            .build();
    OnnxMl.TensorProto zeroPoints =
        OnnxMl.TensorProto.newBuilder()
            .setName(weight.getName() + ZERO_POINT)
            .setDataType(OnnxMl.TensorProto.DataType.INT8.getNumber())
            .addDims(columns)
            .setRawData(ByteString.copyFrom(new byte[columns]))
            .build();
    return List.of(
        int8,
        zeroPoints,
        new NamedTensor(weight.getName() + SCALE, new long[] {columns}, scales).toProto());
  }
}
