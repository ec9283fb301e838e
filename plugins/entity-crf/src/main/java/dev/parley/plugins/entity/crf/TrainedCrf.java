package dev.parley.plugins.entity.crf;

import dev.parley.plugin.PluginException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.sequence.SequenceModel;

/**
 * A trained CRF with the gazetteer its features were computed with, and its stored form: a header
 * with a format version, the gazetteer, then Tribuo's protobuf model.
 *
 * @param crf the CRF
 * @param gazetteer the entity values seen in training
 */
record TrainedCrf(CRFModel crf, Gazetteer gazetteer) {

  private static final int MAGIC = 0x50435246;
  private static final int VERSION = 2;

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      gazetteer.writeTo(out);
      crf.serializeToStream(out);
    } catch (IOException e) {
      throw new PluginException("cannot store the CRF model", e);
    }
    return bytes.toByteArray();
  }

  static TrainedCrf fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (bytes.length < 8 || in.readInt() != MAGIC) {
        throw new PluginException(
            "the stored CRF model is not in this version's format (stored by an older version?):"
                + " train the model again");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new PluginException(
            "the stored CRF model has format version "
                + version
                + ", this version reads "
                + VERSION
                + ": train the model again");
      }
      Gazetteer gazetteer = Gazetteer.readFrom(in);
      SequenceModel<?> loaded = SequenceModel.deserializeFromStream(in);
      if (!(loaded instanceof CRFModel crf)) {
        throw new PluginException("the stored entity model is not a CRF model");
      }
      return new TrainedCrf(crf, gazetteer);
    } catch (IOException | RuntimeException e) {
      if (e instanceof PluginException plugin) {
        throw plugin;
      }
      throw new PluginException("the stored CRF model is unreadable: " + e.getMessage(), e);
    }
  }
}
