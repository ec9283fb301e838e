package dev.parley.plugins.nlu.dense;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Out-of-scope score by the nearest neighbour in embedding space: the cosine similarity of a
 * message to the most similar of the bot's in-scope training examples. On Banking77 with 15 intents
 * held out it separates out-of-scope requests better than the similarity to the nearest intent
 * centroid, a Mahalanobis distance with a shared covariance or the mean of the 3, 5 or 10 nearest
 * examples (chosen on intents left out of the training split). The examples' unit embeddings are
 * kept as 8-bit codes with one scale each (a quarter of the floats' size; the similarities differ
 * from the floats' by about 0.001).
 */
final class NearestExampleDetector implements OutOfScopeScore {

  private static final int LEVELS = 127;

  private final int dimension;
  private final byte[] codes;
  private final float[] scales;

  private NearestExampleDetector(int dimension, byte[] codes, float[] scales) {
    this.dimension = dimension;
    this.codes = codes;
    this.scales = scales;
  }

  /** Keeps the given in-scope examples' embeddings. */
  static NearestExampleDetector fit(List<float[]> embeddings) {
    int dimension = embeddings.isEmpty() ? 0 : embeddings.get(0).length;
    byte[] codes = new byte[embeddings.size() * dimension];
    float[] scales = new float[embeddings.size()];
    for (int row = 0; row < scales.length; row++) {
      float[] unit = CentroidDetector.unit(embeddings.get(row));
      float largest = 0;
      for (float value : unit) {
        largest = Math.max(largest, Math.abs(value));
      }
      float scale = largest == 0 ? 1 : largest / LEVELS;
      scales[row] = scale;
      for (int d = 0; d < dimension; d++) {
        codes[row * dimension + d] = (byte) Math.round(unit[d] / scale);
      }
    }
    return new NearestExampleDetector(dimension, codes, scales);
  }

  /** How many examples it keeps. */
  int size() {
    return scales.length;
  }

  /** The cosine similarity of the embedding to the nearest kept example (-1 when there is none). */
  @Override
  public double similarity(float[] embedding) {
    if (embedding.length != dimension) {
      return -1;
    }
    float[] unit = CentroidDetector.unit(embedding);
    double best = -1;
    for (int row = 0; row < scales.length; row++) {
      int offset = row * dimension;
      float dot = 0;
      for (int d = 0; d < dimension; d++) {
        dot += unit[d] * codes[offset + d];
      }
      best = Math.max(best, dot * scales[row]);
    }
    return best;
  }

  /** The codes as bytes, for the model storage. */
  @Override
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(scales.length);
      out.writeInt(dimension);
      for (float scale : scales) {
        out.writeFloat(scale);
      }
      out.write(codes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads codes written by {@link #encode()}. */
  static NearestExampleDetector decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      float[] scales = new float[in.readInt()];
      int dimension = in.readInt();
      for (int row = 0; row < scales.length; row++) {
        scales[row] = in.readFloat();
      }
      byte[] codes = new byte[scales.length * dimension];
      in.readFully(codes);
      return new NearestExampleDetector(dimension, codes, scales);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
