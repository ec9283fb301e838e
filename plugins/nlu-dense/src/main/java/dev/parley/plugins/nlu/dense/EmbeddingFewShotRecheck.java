package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.IntentRecheck;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.RecheckOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-checks an uncertain message against the bot's own examples: embeds them at training time
 * (stored through the model storage), and at re-check time takes the {@code k} nearest by cosine
 * similarity. Each neighbour votes for its intent with its similarity; the ranking is the vote
 * shares. Confident when the nearest example is at least {@code minSimilarity} alike and the best
 * intent's share leads the next by at least {@code minMargin}. Stored examples are compared with
 * messages embedded by the encoder that embedded them (recorded with them).
 */
public final class EmbeddingFewShotRecheck implements IntentRecheck, Trainable {

  private static final String VECTORS = "fewshot.vectors";

  private final SentenceEncoder encoder;
  private final int k;
  private final double minSimilarity;
  private final double minMargin;
  private volatile Examples examples;

  private record Examples(SentenceEncoder encoder, List<String> intents, float[][] vectors) {}

  /** A re-check stage with these thresholds, not yet trained. */
  public EmbeddingFewShotRecheck(
      SentenceEncoder encoder, int k, double minSimilarity, double minMargin) {
    this.encoder = encoder;
    this.k = k;
    this.minSimilarity = minSimilarity;
    this.minMargin = minMargin;
    this.examples = new Examples(encoder, List.of(), new float[0][]);
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    List<NluExample> all = data.examples();
    List<float[]> vectors = encoder.embedAll(all.stream().map(NluExample::text).toList());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(encoder.model().id());
      out.writeInt(all.size());
      out.writeInt(encoder.dimension());
      for (int i = 0; i < all.size(); i++) {
        out.writeUTF(all.get(i).intent());
        for (float v : vectors.get(i)) {
          out.writeFloat(v);
        }
      }
    } catch (IOException e) {
      throw new PluginException("cannot store the example embeddings", e);
    }
    storage.write(VECTORS, bytes.toByteArray());
    load(storage);
  }

  @Override
  public void load(ModelStorage storage) {
    byte[] bytes =
        storage
            .read(VECTORS)
            .orElseThrow(() -> new PluginException("no stored example embeddings"));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      String model = in.readUTF();
      SentenceEncoder embeddedWith =
          SentenceEncoder.recorded(model, "the examples were embedded with");
      int count = in.readInt();
      int dimension = in.readInt();
      List<String> intents = new ArrayList<>(count);
      float[][] vectors = new float[count][dimension];
      for (int i = 0; i < count; i++) {
        intents.add(in.readUTF());
        for (int d = 0; d < dimension; d++) {
          vectors[i][d] = in.readFloat();
        }
      }
      examples = new Examples(embeddedWith, intents, vectors);
    } catch (IOException e) {
      throw new PluginException("the stored example embeddings are unreadable", e);
    }
  }

  @Override
  public RecheckOutcome recheck(Message message, List<IntentPrediction> ranking) {
    Examples current = examples;
    if (current.intents().isEmpty()) {
      return RecheckOutcome.undecided(ranking);
    }
    float[] query = current.encoder().embed(message.text());
    int n = current.intents().size();
    int[] nearest = nearest(query, current.vectors(), Math.min(k, n));
    double best = similarity(query, current.vectors()[nearest[0]]);
    Map<String, Double> votes = new LinkedHashMap<>();
    double total = 0;
    for (int i : nearest) {
      double vote = Math.max(0, similarity(query, current.vectors()[i]));
      votes.merge(current.intents().get(i), vote, Double::sum);
      total += vote;
    }
    List<IntentPrediction> shares = new ArrayList<>();
    for (Map.Entry<String, Double> vote : votes.entrySet()) {
      shares.add(new IntentPrediction(vote.getKey(), total > 0 ? vote.getValue() / total : 0));
    }
    shares.sort(Comparator.comparingDouble(IntentPrediction::confidence).reversed());
    double margin =
        shares.get(0).confidence() - (shares.size() > 1 ? shares.get(1).confidence() : 0);
    boolean confident = best >= minSimilarity && margin >= minMargin;
    return confident ? RecheckOutcome.decided(shares) : RecheckOutcome.undecided(ranking);
  }

  private static int[] nearest(float[] query, float[][] vectors, int k) {
    int[] top = new int[k];
    double[] score = new double[k];
    java.util.Arrays.fill(score, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < vectors.length; i++) {
      double s = similarity(query, vectors[i]);
      if (s > score[k - 1]) {
        int j = k - 1;
        while (j > 0 && score[j - 1] < s) {
          score[j] = score[j - 1];
          top[j] = top[j - 1];
          j--;
        }
        score[j] = s;
        top[j] = i;
      }
    }
    return top;
  }

  private static double similarity(float[] a, float[] b) {
    double dot = 0;
    for (int d = 0; d < a.length; d++) {
      dot += a[d] * b[d];
    }
    return dot;
  }
}
