package dev.parley.plugins.nlu.finetune;

import ai.onnx.proto.OnnxMl;
import dev.parley.plugin.PluginException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float weights of a BERT-style encoder exported to ONNX, by their names in the original model
 * ({@code encoder.layer.0.attention.self.query.weight}). Exporters name a projection's weight after
 * an internal tensor ({@code onnx::MatMul_787}); its BERT name is read off the node that uses it,
 * whose output is named after the module ({@code /encoder/layer.0/attention/self/query/MatMul}).
 * Projection weights are stored {@code [in, out]}, as the graph multiplies them.
 */
public final class EncoderWeights {

  private final Map<String, NamedTensor> byModuleName;
  private final int hidden;
  private final int layers;

  private EncoderWeights(Map<String, NamedTensor> byModuleName) {
    this.byModuleName = Collections.unmodifiableMap(byModuleName);
    this.hidden = (int) get("embeddings.LayerNorm.weight").shape()[0];
    this.layers =
        (int)
            byModuleName.keySet().stream()
                .filter(name -> name.endsWith(".attention.self.query.weight"))
                .count();
  }

  /** Reads the weights of a model. */
  public static EncoderWeights of(OnnxMl.ModelProto model) {
    OnnxMl.GraphProto graph = model.getGraph();
    Map<String, String> moduleNames = new HashMap<>();
    for (OnnxMl.NodeProto node : graph.getNodeList()) {
      if (node.getOpType().equals("MatMul") && node.getInputCount() == 2) {
        String output = node.getOutput(0);
        int slash = output.lastIndexOf('/');
        if (output.startsWith("/") && slash > 0) {
          moduleNames.put(
              node.getInput(1), output.substring(1, slash).replace('/', '.') + ".weight");
        }
      }
    }
    Map<String, NamedTensor> weights = new LinkedHashMap<>();
    for (OnnxMl.TensorProto initializer : graph.getInitializerList()) {
      if (initializer.getDataType() == OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
        String name = moduleNames.getOrDefault(initializer.getName(), initializer.getName());
        weights.put(name, NamedTensor.of(initializer));
      }
    }
    if (!weights.containsKey("embeddings.LayerNorm.weight")) {
      throw new PluginException("the base model is not a BERT-style encoder in full precision");
    }
    return new EncoderWeights(weights);
  }

  /** The tensor of a module weight; fails naming it when the model has none. */
  public NamedTensor get(String moduleName) {
    NamedTensor tensor = byModuleName.get(moduleName);
    if (tensor == null) {
      throw new PluginException("the base model has no weight " + moduleName);
    }
    return tensor;
  }

  /** Every weight by module name, in the file's order. */
  public Map<String, NamedTensor> all() {
    return byModuleName;
  }

  /** The same weights with some tensors (by ONNX name) replaced. */
  EncoderWeights with(List<NamedTensor> replacements) {
    Map<String, NamedTensor> byOnnxName = new HashMap<>();
    replacements.forEach(tensor -> byOnnxName.put(tensor.name(), tensor));
    Map<String, NamedTensor> weights = new LinkedHashMap<>();
    byModuleName.forEach(
        (module, tensor) -> weights.put(module, byOnnxName.getOrDefault(tensor.name(), tensor)));
    return new EncoderWeights(weights);
  }

  /** The hidden size. */
  public int hidden() {
    return hidden;
  }

  /** The number of transformer layers. */
  public int layers() {
    return layers;
  }
}
