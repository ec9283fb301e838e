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
 * stored as 8-bit codes with one scale each (a quarter of the floats' size; the similarities differ
 * from the floats' by about 0.001) and served as floats. Scoring is a scan of every kept example:
 * about 3 million multiply-adds a message for a bot of 8,000 examples.
 */
final class NearestExampleDetector implements OutOfScopeScore {

  private static final int LEVELS = 127;

  private final int dimension;
  private final byte[] codes;
  private final float[] scales;
  private final float[] examples;

  private NearestExampleDetector(int dimension, byte[] codes, float[] scales) {
    this.dimension = dimension;
    this.codes = codes;
    this.scales = scales;
    this.examples = new float[codes.length];
    for (int row = 0; row < scales.length; row++) {
      for (int i = row * dimension; i < (row + 1) * dimension; i++) {
        examples[i] = codes[i] * scales[row];
      }
    }
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
    int blocked = dimension - dimension % 4;
    double best = -1;
    for (int row = 0; row < scales.length; row++) {
      int offset = row * dimension;
      // four partial sums: independent chains the CPU can overlap
      float a = 0;
      float b = 0;
      float c = 0;
      float d = 0;
      int i = 0;
      for (; i < blocked; i += 4) {
        a += unit[i] * examples[offset + i];
        b += unit[i + 1] * examples[offset + i + 1];
        c += unit[i + 2] * examples[offset + i + 2];
        d += unit[i + 3] * examples[offset + i + 3];
      }
      for (; i < dimension; i++) {
        a += unit[i] * examples[offset + i];
      }
      best = Math.max(best, a + b + c + d);
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
