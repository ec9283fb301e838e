package dev.parley.plugins.nlu.finetune;

import ai.onnx.proto.OnnxMl;
import dev.parley.plugin.PluginException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an encoder quantized the way ONNX Runtime's dynamic quantization writes it back into a
 * float graph, so it can be fine-tuned like a full-precision one. Each projection ({@code
 * DynamicQuantizeLinear → MatMulInteger → Cast → Mul} by the two scales) becomes one {@code MatMul}
 * with the weight {@code (q − zero point) · scale} (per output column), named as the exporter named
 * the float weight; each quantized embedding table ({@code Gather → DequantizeLinear}) becomes a
 * {@code Gather} on the dequantized table. Nodes and initializers nothing uses any more are
 * dropped.
 */
final class QuantizedGraph {

  /** The suffix of a quantized weight's name, after its float name. */
  static final String QUANTIZED = "_quantized";

  /** The suffix of a {@code MatMulInteger}'s name, after the float {@code MatMul}'s name. */
  static final String QUANT_SUFFIX = "_quant";

  private static final Set<String> QUANTIZATION_OPS =
      Set.of("MatMulInteger", "DynamicQuantizeLinear", "DequantizeLinear", "QuantizeLinear");

  private final Map<String, OnnxMl.TensorProto> initializers = new HashMap<>();
  private final Map<String, OnnxMl.NodeProto> producers = new HashMap<>();
  private final Map<String, List<OnnxMl.NodeProto>> consumers = new HashMap<>();

  private QuantizedGraph(OnnxMl.GraphProto graph) {
    graph.getInitializerList().forEach(tensor -> initializers.put(tensor.getName(), tensor));
    for (OnnxMl.NodeProto node : graph.getNodeList()) {
      node.getOutputList().forEach(output -> producers.put(output, node));
      node.getInputList()
          .forEach(input -> consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(node));
    }
  }

  /** The float form of {@code model}; a model without quantized operators comes back unchanged. */
  static OnnxMl.ModelProto dequantize(OnnxMl.ModelProto model) {
    OnnxMl.GraphProto graph = model.getGraph();
    if (graph.getNodeList().stream().noneMatch(node -> isQuantization(node.getOpType()))) {
      return model;
    }
    return model.toBuilder().setGraph(new QuantizedGraph(graph).rewrite(graph)).build();
  }

  private OnnxMl.GraphProto rewrite(OnnxMl.GraphProto graph) {
    List<OnnxMl.NodeProto> nodes = new ArrayList<>();
    Set<OnnxMl.NodeProto> replaced = new HashSet<>();
    Map<String, OnnxMl.TensorProto> added = new HashMap<>();
    for (OnnxMl.NodeProto node : graph.getNodeList()) {
      if (node.getOpType().equals("MatMulInteger")) {
        Projection projection = projection(node);
        replaced.addAll(projection.replacedNodes());
        added.put(projection.weight().getName(), projection.weight());
        nodes.add(projection.matMul());
      } else if (node.getOpType().equals("Gather") && readsQuantizedTable(node)) {
        OnnxMl.NodeProto dequantize = only(consumers(node.getOutput(0)), "DequantizeLinear");
        OnnxMl.TensorProto table = dequantizedTable(node.getInput(0), dequantize);
        added.put(table.getName(), table);
        replaced.add(dequantize);
        nodes.add(
            node.toBuilder()
                .setInput(0, table.getName())
                .setOutput(0, dequantize.getOutput(0))
                .build());
      } else {
        nodes.add(node);
      }
    }
    // a projection's scale product comes before its MatMulInteger, so it was added above
    nodes.removeIf(replaced::contains);
    List<OnnxMl.NodeProto> used = withoutUnused(nodes, graph.getOutputList());
    used.stream()
        .filter(node -> isQuantization(node.getOpType()))
        .findFirst()
        .ifPresent(
            node -> {
              throw new PluginException(
                  "cannot turn the quantized node " + node.getName() + " back into floats");
            });
    Set<String> inputs = new HashSet<>();
    used.forEach(node -> inputs.addAll(node.getInputList()));
    OnnxMl.GraphProto.Builder builder = graph.toBuilder().clearNode().addAllNode(used);
    builder.clearInitializer();
    for (OnnxMl.TensorProto tensor : graph.getInitializerList()) {
      if (inputs.contains(tensor.getName())) {
        builder.addInitializer(tensor);
      }
    }
    added.values().stream()
        .filter(tensor -> inputs.contains(tensor.getName()))
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .forEach(builder::addInitializer);
    return builder.build();
  }

  /** One quantized projection and the float {@code MatMul} that replaces it. */
  private record Projection(
      OnnxMl.NodeProto matMul, OnnxMl.TensorProto weight, List<OnnxMl.NodeProto> replacedNodes) {}

  private Projection projection(OnnxMl.NodeProto matMulInteger) {
    OnnxMl.NodeProto quantizeInput =
        producer(matMulInteger.getInput(0), "DynamicQuantizeLinear", matMulInteger);
    OnnxMl.NodeProto cast = only(consumers(matMulInteger.getOutput(0)), "Cast");
    OnnxMl.NodeProto rescale = only(consumers(cast.getOutput(0)), "Mul");
    String scalesName =
        rescale.getInput(0).equals(cast.getOutput(0)) ? rescale.getInput(1) : rescale.getInput(0);
    OnnxMl.NodeProto scales = producer(scalesName, "Mul", matMulInteger);
    String weightScale =
        scales.getInputList().stream()
            .filter(initializers::containsKey)
            .findFirst()
            .orElseThrow(() -> unexpected(matMulInteger, "no weight scale"));
    String quantizedName = matMulInteger.getInput(1);
    OnnxMl.TensorProto weight =
        dequantized(
            floatName(quantizedName),
            initializer(quantizedName),
            initializer(matMulInteger.getInput(3)),
            initializer(weightScale));
    String name = matMulInteger.getName();
    OnnxMl.NodeProto matMul =
        OnnxMl.NodeProto.newBuilder()
            .setOpType("MatMul")
            .setName(
                name.endsWith(QUANT_SUFFIX)
                    ? name.substring(0, name.length() - QUANT_SUFFIX.length())
                    : name)
            .addInput(quantizeInput.getInput(0))
            .addInput(weight.getName())
            .addOutput(rescale.getOutput(0))
            .build();
    return new Projection(matMul, weight, List.of(matMulInteger, cast, rescale, scales));
  }

  private boolean readsQuantizedTable(OnnxMl.NodeProto gather) {
    return initializers.containsKey(gather.getInput(0)) && gather.getInput(0).endsWith(QUANTIZED);
  }

  private OnnxMl.TensorProto dequantizedTable(
      String quantizedName, OnnxMl.NodeProto dequantizeLinear) {
    return dequantized(
        floatName(quantizedName),
        initializer(quantizedName),
        initializer(dequantizeLinear.getInput(2)),
        initializer(dequantizeLinear.getInput(1)));
  }

  /**
   * {@code (q − zeroPoint) · scale}, where zero point and scale are scalars or one per last-axis
   * column.
   */
  private static OnnxMl.TensorProto dequantized(
      String name,
      OnnxMl.TensorProto quantized,
      OnnxMl.TensorProto zeroPoint,
      OnnxMl.TensorProto scale) {
    int[] q = integers(quantized);
    int[] zero = integers(zeroPoint);
    float[] scales = NamedTensor.of(scale).values();
    long[] shape = quantized.getDimsList().stream().mapToLong(Long::longValue).toArray();
    int columns = shape.length == 0 ? 1 : (int) shape[shape.length - 1];
    float[] values = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      int column = i % columns;
      int z = zero.length == 1 ? zero[0] : zero[column];
      float s = scales.length == 1 ? scales[0] : scales[column];
      values[i] = (q[i] - z) * s;
    }
    return new NamedTensor(name, shape, values).toProto();
  }

  /** The values of an 8-bit tensor (signed or unsigned), from raw data or the int32 field. */
  private static int[] integers(OnnxMl.TensorProto tensor) {
    boolean unsigned = tensor.getDataType() == OnnxMl.TensorProto.DataType.UINT8.getNumber();
    if (!unsigned && tensor.getDataType() != OnnxMl.TensorProto.DataType.INT8.getNumber()) {
      throw new PluginException("quantized tensor " + tensor.getName() + " is not 8-bit");
    }
    if (tensor.getRawData().isEmpty()) {
      return tensor.getInt32DataList().stream().mapToInt(Integer::intValue).toArray();
    }
    byte[] bytes = tensor.getRawData().toByteArray();
    int[] values = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      values[i] = unsigned ? Byte.toUnsignedInt(bytes[i]) : bytes[i];
    }
    return values;
  }

  private static List<OnnxMl.NodeProto> withoutUnused(
      List<OnnxMl.NodeProto> nodes, List<OnnxMl.ValueInfoProto> outputs) {
    List<OnnxMl.NodeProto> kept = new ArrayList<>(nodes);
    boolean removed = true;
    while (removed) {
      Set<String> needed = new HashSet<>();
      outputs.forEach(output -> needed.add(output.getName()));
      kept.forEach(node -> needed.addAll(node.getInputList()));
      removed = kept.removeIf(node -> node.getOutputList().stream().noneMatch(needed::contains));
    }
    return kept;
  }

  private static String floatName(String quantizedName) {
    return quantizedName.endsWith(QUANTIZED)
        ? quantizedName.substring(0, quantizedName.length() - QUANTIZED.length())
        : quantizedName + "_dequantized";
  }

  private static boolean isQuantization(String op) {
    return QUANTIZATION_OPS.contains(op);
  }

  private List<OnnxMl.NodeProto> consumers(String value) {
    return consumers.getOrDefault(value, List.of());
  }

  private OnnxMl.NodeProto producer(String value, String op, OnnxMl.NodeProto user) {
    OnnxMl.NodeProto node = producers.get(value);
    if (node == null || !node.getOpType().equals(op)) {
      throw unexpected(user, value + " does not come from a " + op);
    }
    return node;
  }

  private static OnnxMl.NodeProto only(List<OnnxMl.NodeProto> nodes, String op) {
    if (nodes.size() != 1 || !nodes.get(0).getOpType().equals(op)) {
      throw new PluginException(
          "unexpected quantized graph: expected one " + op + ", found " + nodes.size() + " nodes");
    }
    return nodes.get(0);
  }

  private OnnxMl.TensorProto initializer(String name) {
    OnnxMl.TensorProto tensor = initializers.get(name);
    if (tensor == null) {
      throw new PluginException("unexpected quantized graph: no initializer " + name);
    }
    return tensor;
  }

  private static PluginException unexpected(OnnxMl.NodeProto node, String problem) {
    return new PluginException("unexpected quantized graph at " + node.getName() + ": " + problem);
  }
}
