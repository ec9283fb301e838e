package dev.parley.plugins.nlu.finetune;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.parley.plugin.PluginException;
import java.util.ArrayList;
import java.util.List;

/**
 * What fine-tuning changed: the trained encoder layers (by their ONNX initializer names) and the
 * classification head ({@code [hidden, intents]} weights and bias). Stored as the initializers of
 * an ONNX graph, so the bytes are a standard format.
 *
 * @param encoder the trained encoder tensors
 * @param headWeights the head's weights
 * @param headBias the head's bias
 */
public record FineTunedWeights(
    List<NamedTensor> encoder, NamedTensor headWeights, NamedTensor headBias) {

  static final String HEAD_WEIGHTS = "parley_head_weights";
  static final String HEAD_BIAS = "parley_head_bias";

  /** Names the head's tensors as the served graph expects them. */
  public FineTunedWeights {
    encoder = List.copyOf(encoder);
    headWeights = headWeights.renamed(HEAD_WEIGHTS);
    headBias = headBias.renamed(HEAD_BIAS);
  }

  /** The serialised form. */
  public byte[] toBytes() {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("parley-fine-tuned");
    encoder.forEach(tensor -> graph.addInitializer(tensor.toProto()));
    graph.addInitializer(headWeights.toProto());
    graph.addInitializer(headBias.toProto());
    return graph.build().toByteArray();
  }

  /** Reads the serialised form. */
  public static FineTunedWeights fromBytes(byte[] bytes) {
    OnnxMl.GraphProto graph;
    try {
      graph = OnnxMl.GraphProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new PluginException("the stored fine-tuned weights are not readable", e);
    }
    List<NamedTensor> encoder = new ArrayList<>();
    NamedTensor weights = null;
    NamedTensor bias = null;
    for (OnnxMl.TensorProto proto : graph.getInitializerList()) {
      NamedTensor tensor = NamedTensor.of(proto);
      switch (tensor.name()) {
        case HEAD_WEIGHTS -> weights = tensor;
        case HEAD_BIAS -> bias = tensor;
        default -> encoder.add(tensor);
      }
    }
    if (weights == null || bias == null) {
      throw new PluginException("the stored fine-tuned weights have no classification head");
    }
    return new FineTunedWeights(encoder, weights, bias);
  }

  /** The number of classes. */
  public int classes() {
    return (int) headBias.shape()[0];
  }
}
