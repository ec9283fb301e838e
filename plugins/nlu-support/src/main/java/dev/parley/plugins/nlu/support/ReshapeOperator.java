package dev.parley.plugins.nlu.support;

import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;

/** ONNX's Reshape, which Tribuo's operator list does not have, at Tribuo's opset. */
enum ReshapeOperator implements ONNXOperator {
  RESHAPE;

  @Override
  public String getOpName() {
    return "Reshape";
  }

  @Override
  public int getNumInputs() {
    return 2;
  }

  @Override
  public int getNumOptionalInputs() {
    return 0;
  }

  @Override
  public int getNumOutputs() {
    return 1;
  }

  @Override
  public Map<String, ONNXAttribute> getAttributes() {
    return Map.of();
  }

  @Override
  public Set<String> getMandatoryAttributeNames() {
    return Set.of();
  }

  @Override
  public int getOpVersion() {
    return ONNXOperators.getOpsetVersion();
  }

  @Override
  public String getOpDomain() {
    return "";
  }
}
