package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Out-of-scope scores in embedding space: each intent's centroid (the normalised mean of its
 * examples' sentence embeddings), and a message's similarity to the nearest one (cosine). A message
 * unlike every intent has a low similarity. Served for models stored before {@link
 * NearestExampleDetector}, which separates out-of-scope input better.
 */
final class CentroidDetector implements OutOfScopeScore {

  private final float[][] centroids;

  private CentroidDetector(float[][] centroids) {
    this.centroids = centroids;
  }

  /** The centroids of the examples' intents (embeddings in the examples' order). */
  static CentroidDetector fit(List<NluExample> examples, List<float[]> embeddings) {
    Map<String, float[]> sums = new LinkedHashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      float[] embedding = embeddings.get(i);
      float[] sum =
          sums.computeIfAbsent(examples.get(i).intent(), k -> new float[embedding.length]);
      float[] unit = unit(embedding);
      for (int d = 0; d < sum.length; d++) {
        sum[d] += unit[d];
      }
    }
    return new CentroidDetector(
        sums.values().stream().map(CentroidDetector::unit).toArray(float[][]::new));
  }

  /** The cosine similarity of the embedding to the nearest centroid (-1 when there is none). */
  @Override
  public double similarity(float[] embedding) {
    float[] unit = unit(embedding);
    double best = -1;
    for (float[] centroid : centroids) {
      if (centroid.length != unit.length) {
        continue;
      }
      double dot = 0;
      for (int d = 0; d < unit.length; d++) {
        dot += unit[d] * centroid[d];
      }
      best = Math.max(best, dot);
    }
    return best;
  }

  /** The centroids as bytes, for the model storage. */
  @Override
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(centroids.length);
      out.writeInt(centroids.length == 0 ? 0 : centroids[0].length);
      for (float[] centroid : centroids) {
        for (float value : centroid) {
          out.writeFloat(value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads centroids written by {@link #encode()}. */
  static CentroidDetector decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      float[][] centroids = new float[in.readInt()][];
      int dimension = in.readInt();
      for (int c = 0; c < centroids.length; c++) {
        centroids[c] = new float[dimension];
        for (int d = 0; d < dimension; d++) {
          centroids[c][d] = in.readFloat();
        }
      }
      return new CentroidDetector(centroids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] unit(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float[] unit = vector.clone();
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < unit.length; d++) {
        unit[d] *= scale;
      }
    }
    return unit;
  }
}
