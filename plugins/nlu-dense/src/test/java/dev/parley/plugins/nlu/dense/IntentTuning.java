package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugins.nlu.support.FeatureSpace;
import dev.parley.plugins.nlu.support.LinearHead;
import dev.parley.plugins.nlu.support.LinearWeights;
import dev.parley.plugins.nlu.support.NgramFeaturizer;
import dev.parley.plugins.nlu.support.SparseFeatures;
import dev.parley.plugins.testkit.IntentBenchmarks;
import dev.parley.plugins.testkit.NluDatasets;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Grid search of the intent heads' settings on the valid split (Banking77: the benchmark's held-out
 * slice of train), with the sentence embeddings of {@code -Dencoder=auto} (or a model id) cached
 * per model and split under {@code -Dembedding_cache=/tmp/parley-embeddings} so that a run costs
 * only the heads' training. Prints one line per setting: accuracy and macro-F1 of the sparse, dense
 * and hybrid heads and of the sum of the sparse and dense heads' scores. Not a unit test: {@code
 * mvn -B -q -pl plugins/nlu-dense -am test -Dtest=IntentTuning
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddatasets=atis -Dcosts=3,10 -Dbalances=0,0.5
 * -Dweights=1,2 -Dngrams=1-2/1-4 -Dmodes=sparse,dense,hybrid,sum}.
 */
class IntentTuning {

  @Test
  void run() throws Exception {
    String split = System.getProperty("split", "valid");
    if (split.equals("test")) {
      throw new IllegalArgumentException("settings are chosen on valid splits only");
    }
    Path cache = Path.of(System.getProperty("embedding_cache", "/tmp/parley-embeddings"));
    List<String> modes = list("modes", "sparse,dense,hybrid,sum");
    for (String set : list("datasets", "snips,atis,banking77,cais_zh")) {
      NluDatasets.Experiment experiment = NluDatasets.experiment(set, "valid");
      List<NluExample> train = experiment.train();
      List<NluExample> eval = experiment.eval();
      String language = set.endsWith("_zh") ? "zh" : "en";
      SentenceEncoder encoder =
          SentenceEncoder.of(
              SentenceEncoder.Model.choose(System.getProperty("encoder", "auto"), language));
      Map<String, float[]> embeddings = new HashMap<>();
      embeddings.putAll(cached(cache, encoder, set, "train"));
      if (NluDatasets.has(set, "valid")) {
        embeddings.putAll(cached(cache, encoder, set, "valid"));
      }
      List<List<List<NluExample>>> rounds = new ArrayList<>();
      int folds = Integer.getInteger("folds", 0);
      if (folds > 1) {
        List<NluExample> pool = new ArrayList<>(train);
        pool.addAll(eval);
        Collections.shuffle(pool, new Random(7));
        for (int f = 0; f < folds; f++) {
          List<NluExample> in = new ArrayList<>();
          List<NluExample> out = new ArrayList<>();
          for (int i = 0; i < pool.size(); i++) {
            (i % folds == f ? out : in).add(pool.get(i));
          }
          rounds.add(List.of(in, out));
        }
      } else {
        rounds.add(List.of(train, eval));
      }
      Map<String, List<String>> predictions = new LinkedHashMap<>();
      Map<String, List<NluExample>> golds = new LinkedHashMap<>();
      for (List<List<NluExample>> round : rounds) {
        evaluate(
            round.get(0),
            round.get(1),
            set,
            encoder.dimension(),
            embeddings,
            modes,
            predictions,
            golds);
      }
      for (String key : predictions.keySet()) {
        double[] result = IntentBenchmarks.scores(golds.get(key), predictions.get(key));
        System.out.printf("| %s | %.2f | %.2f |%n", key, 100 * result[0], 100 * result[1]);
      }
    }
  }

  private static void evaluate(
      List<NluExample> train,
      List<NluExample> eval,
      String set,
      int dimension,
      Map<String, float[]> embeddings,
      List<String> modes,
      Map<String, List<String>> predictions,
      Map<String, List<NluExample>> golds) {
    List<String> intents = train.stream().map(NluExample::intent).toList();
    List<float[]> trainDense = train.stream().map(e -> embeddings.get(e.text())).toList();
    List<float[]> evalDense = eval.stream().map(e -> embeddings.get(e.text())).toList();
    for (String ngrams : list("ngrams", "1-2/1-4")) {
      String[] parts = ngrams.split("/");
      NgramFeaturizer featurizer =
          new NgramFeaturizer(
              Integer.parseInt(parts[0].split("-")[0]),
              Integer.parseInt(parts[0].split("-")[1]),
              Integer.parseInt(parts[1].split("-")[0]),
              Integer.parseInt(parts[1].split("-")[1]));
      FeatureSpace space =
          FeatureSpace.fit(
              train.stream().map(NluExample::text).toList(),
              featurizer,
              true,
              Boolean.parseBoolean(System.getProperty("sublinear", "true")));
      List<SparseFeatures> trainSparse = train.stream().map(e -> space.vector(e.text())).toList();
      List<SparseFeatures> evalSparse = eval.stream().map(e -> space.vector(e.text())).toList();
      FeatureSpace none = FeatureSpace.fit(List.of(), new NgramFeaturizer(1, 0, 1, 0), true, true);
      List<SparseFeatures> noSparse =
          train.stream().map(e -> new SparseFeatures(new int[0], new float[0])).toList();
      List<SparseFeatures> noEvalSparse =
          eval.stream().map(e -> new SparseFeatures(new int[0], new float[0])).toList();
      for (double balance : numbers("balances", "0")) {
        for (double cap : numbers("caps", "1000")) {
          for (double cost : numbers("costs", "10")) {
            LinearHead.Settings settings = new LinearHead.Settings(cost, 0.1, balance, cap);
            String key =
                String.format("%s | %s | C=%s a=%s cap=%s", set, ngrams, cost, balance, cap);
            Map<String, float[][]> logits = new LinkedHashMap<>();
            if (modes.contains("sparse") || modes.contains("sum")) {
              LinearHead head = LinearHead.train(intents, trainSparse, null, space, 0, settings);
              logits.put("sparse", logits(head, evalSparse, null, 1f));
            }
            if (modes.contains("dense") || modes.contains("sum")) {
              LinearHead head =
                  LinearHead.train(intents, noSparse, trainDense, none, dimension, settings);
              logits.put("dense", logits(head, noEvalSparse, evalDense, 1f));
            }
            if (modes.contains("hybrid")) {
              for (double weight : numbers("weights", "1")) {
                float w = (float) weight;
                LinearHead head =
                    LinearHead.train(
                        intents, trainSparse, scale(trainDense, w), space, dimension, settings);
                logits.put("hybrid w=" + weight, logits(head, evalSparse, evalDense, w));
              }
            }
            for (var entry : logits.entrySet()) {
              if (modes.contains(entry.getKey().split(" ")[0])) {
                report(key + " | " + entry.getKey(), eval, entry.getValue(), predictions, golds);
              }
            }
            if (modes.contains("sum")) {
              for (double lambda : numbers("lambdas", "0.3,0.5,0.7")) {
                report(
                    key + " | sum l=" + lambda,
                    eval,
                    mix(logits.get("sparse"), logits.get("dense"), lambda),
                    predictions,
                    golds);
              }
            }
          }
        }
      }
    }
  }

  private static void report(
      String key,
      List<NluExample> eval,
      float[][] scores,
      Map<String, List<String>> predictions,
      Map<String, List<NluExample>> golds) {
    List<String> predicted = new ArrayList<>();
    for (float[] row : scores) {
      int best = 0;
      for (int c = 1; c < row.length; c++) {
        if (row[c] > row[best]) {
          best = c;
        }
      }
      predicted.add(LABELS.get(best));
    }
    predictions.computeIfAbsent(key, k -> new ArrayList<>()).addAll(predicted);
    golds.computeIfAbsent(key, k -> new ArrayList<>()).addAll(eval);
  }

  private static List<String> LABELS = List.of();

  private static float[][] logits(
      LinearHead head, List<SparseFeatures> sparse, List<float[]> dense, float scale) {
    List<String> intents = head.intents();
    List<String> sorted = intents.stream().sorted().toList();
    LABELS = sorted;
    LinearWeights w = head.weights();
    float[][] out = new float[sparse.size()][];
    for (int i = 0; i < sparse.size(); i++) {
      float[] z = w.bias().clone();
      SparseFeatures s = sparse.get(i);
      for (int k = 0; k < s.size(); k++) {
        int row = s.indices()[k] * w.classes();
        for (int c = 0; c < w.classes(); c++) {
          z[c] += s.values()[k] * w.sparseWeights()[row + c];
        }
      }
      if (dense != null && w.denseSize() > 0) {
        float[] e = dense.get(i);
        for (int d = 0; d < w.denseSize(); d++) {
          for (int c = 0; c < w.classes(); c++) {
            z[c] += scale * e[d] * w.denseWeights()[d * w.classes() + c];
          }
        }
      }
      float[] ordered = new float[z.length];
      for (int c = 0; c < z.length; c++) {
        ordered[sorted.indexOf(intents.get(c))] = z[c];
      }
      out[i] = ordered;
    }
    return out;
  }

  private static float[][] mix(float[][] a, float[][] b, double lambda) {
    float[][] out = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new float[a[i].length];
      for (int c = 0; c < a[i].length; c++) {
        out[i][c] = (float) ((1 - lambda) * a[i][c] + lambda * b[i][c]);
      }
    }
    return out;
  }

  private static List<float[]> scale(List<float[]> vectors, float w) {
    return vectors.stream()
        .map(
            v -> {
              float[] s = v.clone();
              for (int d = 0; d < s.length; d++) {
                s[d] *= w;
              }
              return s;
            })
        .toList();
  }

  /** The embeddings of a split, read from the cache or computed and written there. */
  static Map<String, float[]> cached(Path cache, SentenceEncoder encoder, String set, String split)
      throws IOException {
    Path file = cache.resolve(encoder.model().id() + "-" + set + "-" + split + ".bin");
    Map<String, float[]> out = new HashMap<>();
    if (Files.isRegularFile(file)) {
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          String text = in.readUTF();
          float[] v = new float[in.readInt()];
          for (int d = 0; d < v.length; d++) {
            v[d] = in.readFloat();
          }
          out.put(text, v);
        }
      }
      return out;
    }
    List<String> texts =
        NluDatasets.read(set, split).stream().map(NluExample::text).distinct().toList();
    List<float[]> vectors = encoder.embedAll(texts);
    Files.createDirectories(cache);
    try (DataOutputStream data =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      data.writeInt(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        data.writeUTF(texts.get(i));
        data.writeInt(vectors.get(i).length);
        for (float f : vectors.get(i)) {
          data.writeFloat(f);
        }
        out.put(texts.get(i), vectors.get(i));
      }
    }
    return out;
  }

  private static List<String> list(String property, String fallback) {
    return List.of(System.getProperty(property, fallback).split(","));
  }

  private static List<Double> numbers(String property, String fallback) {
    return list(property, fallback).stream().map(Double::parseDouble).toList();
  }
}
