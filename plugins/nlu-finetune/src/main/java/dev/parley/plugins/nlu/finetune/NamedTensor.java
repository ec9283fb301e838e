package dev.parley.plugins.nlu.finetune;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import dev.parley.plugin.PluginException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A float tensor with its ONNX initializer name.
 *
 * @param name the initializer's name in the ONNX graph
 * @param shape its dimensions
 * @param values its values, row-major
 */
public record NamedTensor(String name, long[] shape, float[] values) {

  /** Reads a float initializer (raw or repeated data). */
  public static NamedTensor of(OnnxMl.TensorProto proto) {
    if (proto.getDataType() != OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
      throw new PluginException("initializer " + proto.getName() + " is not float");
    }
    float[] values;
    if (!proto.getRawData().isEmpty()) {
      FloatBuffer buffer =
          proto.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      values = new float[buffer.remaining()];
      buffer.get(values);
    } else {
      values = new float[proto.getFloatDataCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = proto.getFloatData(i);
      }
    }
    long[] shape = proto.getDimsList().stream().mapToLong(Long::longValue).toArray();
    return new NamedTensor(proto.getName(), shape, values);
  }

  /** As an ONNX initializer (raw little-endian data). */
  public OnnxMl.TensorProto toProto() {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    OnnxMl.TensorProto.Builder builder =
        OnnxMl.TensorProto.newBuilder()
            .setName(name)
            .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
            .setRawData(ByteString.copyFrom(bytes.array()));
    for (long dim : shape) {
      builder.addDims(dim);
    }
    return builder.build();
  }

  /** The same values under another name. */
  public NamedTensor renamed(String newName) {
    return new NamedTensor(newName, shape, values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NamedTensor that
        && name.equals(that.name)
        && Arrays.equals(shape, that.shape)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
