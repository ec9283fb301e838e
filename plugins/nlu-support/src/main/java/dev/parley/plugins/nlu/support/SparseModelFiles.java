package dev.parley.plugins.nlu.support;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a linear intent model stores through {@link ModelStorage}: {@code <prefix>.features} (the
 * intents in output order, the dense length and the {@link FeatureSpace}, absent for a one-intent
 * bot) and {@code <prefix>.onnx} (the ONNX model).
 *
 * @param intents the intents in the model's output order
 * @param denseSize length of the dense input (0 for none)
 * @param space the feature space, empty for a one-intent model
 * @param onnx the ONNX model, empty for a one-intent model
 */
public record SparseModelFiles(
    List<String> intents, int denseSize, Optional<FeatureSpace> space, Optional<byte[]> onnx) {

  private static final int FORMAT = 1;

  /** Stores the files under the prefix. */
  public void write(ModelStorage storage, String prefix) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeInt(intents.size());
      for (String intent : intents) {
        out.writeUTF(intent);
      }
      out.writeInt(denseSize);
      out.writeBoolean(space.isPresent());
      if (space.isPresent()) {
        space.get().write(out);
      }
    } catch (IOException e) {
      throw new PluginException("cannot write the intent model", e);
    }
    storage.write(prefix + ".features", bytes.toByteArray());
    onnx.ifPresent(model -> storage.write(prefix + ".onnx", model));
  }

  /** Reads the files under the prefix. */
  public static SparseModelFiles read(ModelStorage storage, String prefix) {
    byte[] features =
        storage
            .read(prefix + ".features")
            .orElseThrow(() -> new PluginException("no stored intent model (" + prefix + ")"));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(features))) {
      if (in.readInt() != FORMAT) {
        throw new PluginException("the stored intent model has an unknown format");
      }
      int count = in.readInt();
      List<String> intents = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        intents.add(in.readUTF());
      }
      int denseSize = in.readInt();
      Optional<FeatureSpace> space =
          in.readBoolean() ? Optional.of(FeatureSpace.read(in)) : Optional.empty();
      Optional<byte[]> onnx = storage.read(prefix + ".onnx");
      if (space.isPresent() && onnx.isEmpty()) {
        throw new PluginException("the stored intent model has no ONNX part (" + prefix + ")");
      }
      return new SparseModelFiles(intents, denseSize, space, onnx);
    } catch (IOException e) {
      throw new PluginException("the stored intent model is unreadable: " + e.getMessage(), e);
    }
  }
}
