package dev.parley.plugins.nlu.support;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary of n-grams seen in training, each with its inverse document frequency, and the
 * weighting that turns a text into an L2-normalised {@link SparseFeatures} vector: term frequency
 * (optionally sublinear, {@code 1 + ln tf}) times idf ({@code ln((1 + n) / (1 + df)) + 1}, as
 * scikit-learn's smoothed idf), or plain counts when idf is off. Immutable and thread-safe.
 */
public final class FeatureSpace {

  /** {@code 1 + ln tf} for small term frequencies. */
  private static final double[] SUBLINEAR = new double[64];

  static {
    for (int tf = 1; tf < SUBLINEAR.length; tf++) {
      SUBLINEAR[tf] = 1 + Math.log(tf);
    }
  }

  private final NgramFeaturizer featurizer;
  private final boolean sublinear;
  private final String[] names;
  private final float[] idf;
  private final GramTable table;
  private final int indexBits;

  private FeatureSpace(NgramFeaturizer featurizer, boolean sublinear, String[] names, float[] idf) {
    this.featurizer = featurizer;
    this.sublinear = sublinear;
    this.names = names;
    this.idf = idf;
    this.table = new GramTable(names);
    this.indexBits = RadixSort.bitsFor(names.length);
  }

  /** Learns the vocabulary (sorted by name) and idf of the given texts. */
  public static FeatureSpace fit(
      List<String> texts, NgramFeaturizer featurizer, boolean useIdf, boolean sublinear) {
    Map<String, int[]> df = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (String text : texts) {
      seen.clear();
      for (String gram : featurizer.ngrams(text)) {
        if (seen.add(gram)) {
          df.computeIfAbsent(gram, g -> new int[1])[0]++;
        }
      }
    }
    String[] names = df.keySet().toArray(String[]::new);
    Arrays.sort(names);
    float[] idf = new float[names.length];
    for (int i = 0; i < names.length; i++) {
      idf[i] =
          useIdf ? (float) (Math.log((1.0 + texts.size()) / (1.0 + df.get(names[i])[0])) + 1) : 1f;
    }
    return new FeatureSpace(featurizer, sublinear, names, idf);
  }

  /** How many features there are. */
  public int size() {
    return names.length;
  }

  /** The name of a feature. */
  public String name(int feature) {
    return names[feature];
  }

  /** The inverse document frequency of a feature (1 when idf is off). */
  float idf(int feature) {
    return idf[feature];
  }

  /** Whether term frequencies are sublinear ({@code 1 + ln tf}). */
  boolean sublinear() {
    return sublinear;
  }

  /** The n-gram settings. */
  public NgramFeaturizer featurizer() {
    return featurizer;
  }

  /**
   * The text's vector; n-grams not in the vocabulary are dropped. The n-grams are looked up as
   * slices of the text (no String per n-gram), which gives the same vector as looking up the
   * Strings of {@link NgramFeaturizer#ngrams}.
   */
  public SparseFeatures vector(String text) {
    Hits hits = new Hits(table, text.length() * featurizer.gramsPerChar() + 8);
    featurizer.scan(text, hits);
    return weigh(hits.features, hits.count);
  }

  /** The tf-idf vector of the features found (in any order, repeated as often as found). */
  private SparseFeatures weigh(int[] hits, int count) {
    RadixSort.sort(hits, count, indexBits);
    int[] indices = new int[count];
    float[] values = new float[count];
    int distinct = 0;
    for (int i = 0; i < count; ) {
      int j = i;
      while (j < count && hits[j] == hits[i]) {
        j++;
      }
      int tf = j - i;
      indices[distinct] = hits[i];
      values[distinct] = (float) (termWeight(tf) * idf[hits[i]]);
      distinct++;
      i = j;
    }
    double norm = 0;
    for (int i = 0; i < distinct; i++) {
      norm += values[i] * values[i];
    }
    float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
    for (int i = 0; i < distinct; i++) {
      values[i] *= scale;
    }
    return new SparseFeatures(Arrays.copyOf(indices, distinct), Arrays.copyOf(values, distinct));
  }

  private double termWeight(int tf) {
    if (!sublinear) {
      return tf;
    }
    return tf < SUBLINEAR.length ? SUBLINEAR[tf] : 1 + Math.log(tf);
  }

  /** The features of the n-grams of one text, in the order found. */
  private static final class Hits implements NgramFeaturizer.GramVisitor {
    private final GramTable table;
    private int[] features;
    private int count;

    Hits(GramTable table, int expected) {
      this.table = table;
      this.features = new int[expected];
    }

    @Override
    public void gram(char kind, char[] chars, int from, int to, long hash) {
      int feature = table.find(kind, chars, from, to, hash);
      if (feature >= 0) {
        if (count == features.length) {
          features = Arrays.copyOf(features, 2 * count + 8);
        }
        features[count++] = feature;
      }
    }
  }

  /** Writes the settings, vocabulary and idf. */
  public void write(DataOutputStream out) throws IOException {
    out.writeInt(featurizer.wordMin());
    out.writeInt(featurizer.wordMax());
    out.writeInt(featurizer.charMin());
    out.writeInt(featurizer.charMax());
    out.writeBoolean(sublinear);
    out.writeInt(names.length);
    for (int i = 0; i < names.length; i++) {
      out.writeUTF(names[i]);
      out.writeFloat(idf[i]);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static FeatureSpace read(DataInputStream in) throws IOException {
    NgramFeaturizer featurizer =
        new NgramFeaturizer(in.readInt(), in.readInt(), in.readInt(), in.readInt());
    boolean sublinear = in.readBoolean();
    int size = in.readInt();
    String[] names = new String[size];
    float[] idf = new float[size];
    for (int i = 0; i < size; i++) {
      names[i] = in.readUTF();
      idf[i] = in.readFloat();
    }
    return new FeatureSpace(featurizer, sublinear, names, idf);
  }
}
