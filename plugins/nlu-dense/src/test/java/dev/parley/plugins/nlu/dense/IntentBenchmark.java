package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.LinearHead;
import dev.parley.plugins.nlu.sparse.NgramFeaturizer;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifier;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Prints a table per data set and classifier: training time, intent accuracy, macro-F1, parses/s (2
 * threads, in-process) and p50/p99 latency. {@code -Dsplit=valid} (default) evaluates on the valid
 * split (Banking77: the last 1,500 of a fixed shuffle of train, trained on the rest) to choose
 * settings; {@code -Dsplit=test} trains on all of train and reports on test. Not a unit test: run
 * it with {@code mvn -B -q -pl plugins/nlu-dense -am test -Dtest=IntentBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dsplit=test] [-Ddatasets=snips,atis]
 * [-Dclassifiers=sparse,dense,hybrid]}.
 */
class IntentBenchmark {

  @Test
  void run() throws Exception {
    main(new String[0]);
  }

  public static void main(String[] args) throws Exception {
    String split = System.getProperty("split", "valid");
    List<String> sets =
        List.of(System.getProperty("datasets", "snips,atis,banking77,cais_zh").split(","));
    List<String> kinds =
        List.of(System.getProperty("classifiers", "sparse,dense,hybrid").split(","));
    System.out.println(
        "| data set | split | classifier | train s | accuracy % | macro-F1 % | parses/s (2 thr) | p50"
            + " ms | p99 ms |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (String set : sets) {
      List<NluExample> train = new ArrayList<>(NluDatasets.read(set, "train"));
      List<NluExample> eval;
      if (split.equals("test")) {
        eval = NluDatasets.read(set, "test");
      } else if (NluDatasets.has(set, "valid")) {
        eval = NluDatasets.read(set, "valid");
      } else {
        Collections.shuffle(train, new Random(1));
        eval = new ArrayList<>(train.subList(train.size() - 1500, train.size()));
        train = new ArrayList<>(train.subList(0, train.size() - 1500));
      }
      String language = set.endsWith("_zh") ? "zh" : "en";
      SentenceEncoder encoder = SentenceEncoder.of(SentenceEncoder.Model.choose("auto", language));
      for (String kind : kinds) {
        IntentClassifier classifier = create(kind, encoder);
        TrainingData data = new TrainingDataBuilder().build();
        data =
            new TrainingData(
                language,
                data.domain(),
                train,
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        long start = System.nanoTime();
        ((dev.parley.plugin.Trainable) classifier).train(data, new MemoryStorage());
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        List<String> predicted = new ArrayList<>();
        for (NluExample example : eval) {
          var ranking = classifier.classify(new Message(example.text(), language, null));
          predicted.add(ranking.isEmpty() ? "" : ranking.get(0).name());
        }
        double[] scores = scores(eval, predicted);
        double[] latency = latency(classifier, eval, language);
        double throughput =
            throughput(classifier, eval, language, kind.equals("sparse") ? 200_000 : 1_000);
        System.out.printf(
            "| %s | %s | %s | %.1f | %.2f | %.2f | %.0f | %.3f | %.3f |%n",
            set,
            split,
            kind,
            trainSeconds,
            100 * scores[0],
            100 * scores[1],
            throughput,
            latency[0],
            latency[1]);
        ((AutoCloseable) classifier).close();
      }
    }
  }

  private static IntentClassifier create(String kind, SentenceEncoder encoder) {
    NgramFeaturizer ngrams =
        new NgramFeaturizer(
            Integer.getInteger("word_min", 1),
            Integer.getInteger("word_max", 2),
            Integer.getInteger("char_min", 1),
            Integer.getInteger("char_max", 4));
    LinearHead.Settings settings =
        new LinearHead.Settings(
            Double.parseDouble(System.getProperty("cost", "10")),
            Double.parseDouble(System.getProperty("tolerance", "0.1")));
    return switch (kind) {
      case "sparse" -> new SparseIntentClassifier(ngrams, true, true, settings);
      case "dense" ->
          new EmbeddingIntentClassifier("dense", encoder, Optional.empty(), 1f, settings);
      case "hybrid" ->
          new EmbeddingIntentClassifier(
              "hybrid",
              encoder,
              Optional.of(ngrams),
              Float.parseFloat(System.getProperty("embedding_weight", "1")),
              settings);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** Accuracy and macro-F1 over the union of gold and predicted intents. */
  static double[] scores(List<NluExample> eval, List<String> predicted) {
    Set<String> labels = new HashSet<>(predicted);
    Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
    int correct = 0;
    for (int i = 0; i < eval.size(); i++) {
      String gold = eval.get(i).intent();
      String guess = predicted.get(i);
      labels.add(gold);
      if (gold.equals(guess)) {
        correct++;
        counts.computeIfAbsent(gold, l -> new int[3])[0]++;
      } else {
        counts.computeIfAbsent(guess, l -> new int[3])[1]++;
        counts.computeIfAbsent(gold, l -> new int[3])[2]++;
      }
    }
    labels.remove("");
    double f1 = 0;
    for (String label : labels) {
      int[] c = counts.getOrDefault(label, new int[3]);
      double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
      f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    return new double[] {correct / (double) eval.size(), f1 / labels.size()};
  }

  private static double[] latency(IntentClassifier classifier, List<NluExample> eval, String lang) {
    int n = Math.min(eval.size(), 500);
    for (int i = 0; i < n; i++) {
      classifier.classify(new Message(eval.get(i).text(), lang, null));
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      classifier.classify(new Message(eval.get(i).text(), lang, null));
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new double[] {nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6};
  }

  private static double throughput(
      IntentClassifier classifier, List<NluExample> eval, String lang, int total)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    Runnable work =
        () -> {
          long i;
          while ((i = next.getAndIncrement()) < total) {
            classifier.classify(new Message(eval.get((int) (i % eval.size())).text(), lang, null));
          }
        };
    long start = System.nanoTime();
    Thread a = new Thread(work);
    Thread b = new Thread(work);
    a.start();
    b.start();
    a.join();
    b.join();
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
