package dev.parley.plugins.nlu.finetune;

import ai.onnx.proto.OnnxMl;
import java.util.Map;

/** Builds the ONNX nodes Parley adds to or rewrites in a graph. */
final class OnnxNodes {

  private OnnxNodes() {}

  /** A node of {@code op} with one output, named as its output, and integer attributes. */
  static OnnxMl.NodeProto node(
      String op, String output, Map<String, Long> attributes, String... inputs) {
    OnnxMl.NodeProto.Builder node =
        OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
    for (String input : inputs) {
      node.addInput(input);
    }
    attributes.forEach(
        (name, value) ->
            node.addAttribute(
                OnnxMl.AttributeProto.newBuilder()
                    .setName(name)
                    .setType(OnnxMl.AttributeProto.AttributeType.INT)
                    .setI(value)));
    return node.build();
  }
}
