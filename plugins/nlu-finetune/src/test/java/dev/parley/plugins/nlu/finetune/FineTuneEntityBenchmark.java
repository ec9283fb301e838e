package dev.parley.plugins.nlu.finetune;

import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.entity.crf.CrfEntityExtractorFactory;
import dev.parley.plugins.testkit.IntentBenchmarks;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.SpanScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints a table per data set for {@link FineTunedEntityExtractor}: fine-tuning time (wall and
 * process CPU), stored size, exact-span entity precision, recall and F1, and p50/p99 latency on one
 * thread. {@code -Dsplit=valid} (default) evaluates on the valid split to choose settings; {@code
 * -Dsplit=test} reports on test. {@code -Dlimit=N} trains on the first N examples only; {@code
 * -Dexamples=N} prints N sentences with errors; {@code -Derrors=true} prints the entity types
 * missed most; {@code -Dpartner=crf} also scores the CRF and two combinations with it. Not a unit
 * test: run it with {@code mvn -B -q -pl plugins/nlu-finetune -am test
 * -Dtest=FineTuneEntityBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dsplit=test]
 * [-Ddatasets=snips,atis] [-Depochs=3]} (any config property of the extractor can be set the same
 * way).
 */
class FineTuneEntityBenchmark {

  @Test
  void run() throws Exception {
    String split = System.getProperty("split", "valid");
    List<String> sets = List.of(System.getProperty("datasets", "snips,atis,cais_zh").split(","));
    System.out.println(
        "| data set | split | train utt | train s (wall) | train CPU s | stored MB | precision %"
            + " | recall % | F1 % | p50 ms | p99 ms |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (String set : sets) {
      NluDatasets.Experiment experiment =
          NluDatasets.experiment(set, split.equals("test") ? "test" : "valid");
      List<NluExample> train = experiment.train();
      train = train.subList(0, Math.min(train.size(), Integer.getInteger("limit", train.size())));
      String language = set.endsWith("_zh") ? "zh" : "en";
      EntityExtractor extractor =
          IntentBenchmarks.create(new FineTunedEntityExtractorFactory(), language);
      TrainingData data = NluDatasets.trainingData(language, train);
      MemoryStorage storage = new MemoryStorage();
      long cpu = IntentBenchmarks.processCpuNanos();
      long start = System.nanoTime();
      ((Trainable) extractor).train(data, storage);
      double wall = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (IntentBenchmarks.processCpuNanos() - cpu) / 1e9;
      List<List<Entity>> foundByExample = new ArrayList<>();
      SpanScore score = new SpanScore();
      double[] millis = new double[experiment.eval().size()];
      int i = 0;
      for (NluExample example : experiment.eval()) {
        long t0 = System.nanoTime();
        List<Entity> found =
            extractor.extract(new Message(example.text(), language, null), List.of());
        millis[i++] = (System.nanoTime() - t0) / 1e6;
        score.add(example, found);
        foundByExample.add(found);
        printIfWrong(example, found);
      }
      if ("crf".equals(System.getProperty("partner"))) {
        printCombinations(set, language, data, experiment.eval(), foundByExample);
      }
      Arrays.sort(millis);
      if (Boolean.getBoolean("errors")) {
        System.out.println("missed by type: " + score.missedByType());
        System.out.println("miss kinds: " + score.missKinds());
        System.out.println("confusions: " + score.confusions());
      }
      double storedMegabytes =
          storage.read(FineTunedEntityExtractor.WEIGHTS).map(b -> b.length / 1e6).orElse(0.0);
      System.out.printf(
          "| %s | %s | %d | %.0f | %.0f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
          set,
          split,
          train.size(),
          wall,
          cpuSeconds,
          storedMegabytes,
          100 * score.precision(),
          100 * score.recall(),
          100 * score.f1(),
          millis[millis.length / 2],
          millis[(int) (millis.length * 0.99)]);
      ((AutoCloseable) extractor).close();
    }
  }

  /**
   * With {@code -Dpartner=crf}: the CRF's scores on the same split, and those of two ways of
   * combining its spans with the fine-tuned extractor's (one extractor's spans, plus the other's
   * where they overlap none of them).
   */
  private static void printCombinations(
      String set,
      String language,
      TrainingData data,
      List<NluExample> eval,
      List<List<Entity>> fineTuned) {
    EntityExtractor crf = IntentBenchmarks.create(new CrfEntityExtractorFactory(), language);
    ((Trainable) crf).train(data, new MemoryStorage());
    SpanScore crfAlone = new SpanScore();
    SpanScore crfFirst = new SpanScore();
    SpanScore fineTunedFirst = new SpanScore();
    for (int i = 0; i < eval.size(); i++) {
      NluExample example = eval.get(i);
      List<Entity> crfFound = crf.extract(new Message(example.text(), language, null), List.of());
      crfAlone.add(example, crfFound);
      crfFirst.add(example, withoutOverlaps(crfFound, fineTuned.get(i)));
      fineTunedFirst.add(example, withoutOverlaps(fineTuned.get(i), crfFound));
    }
    for (Map.Entry<String, SpanScore> row :
        List.of(
            Map.entry("CRF alone", crfAlone),
            Map.entry("CRF, then fine-tuned", crfFirst),
            Map.entry("fine-tuned, then CRF", fineTunedFirst))) {
      System.out.printf(
          "| %s | %s | P %.2f | R %.2f | F1 %.2f |%n",
          set,
          row.getKey(),
          100 * row.getValue().precision(),
          100 * row.getValue().recall(),
          100 * row.getValue().f1());
    }
  }

  /** {@code first}'s spans, then {@code second}'s that overlap none of them. */
  private static List<Entity> withoutOverlaps(List<Entity> first, List<Entity> second) {
    List<Entity> combined = new ArrayList<>(first);
    for (Entity candidate : second) {
      if (first.stream()
          .noneMatch(e -> e.start() < candidate.end() && candidate.start() < e.end())) {
        combined.add(candidate);
      }
    }
    combined.sort(Comparator.comparingInt(Entity::start));
    return combined;
  }

  private static int shown;

  /** With {@code -Dexamples=N}: the first N sentences whose entities are not all right. */
  private static void printIfWrong(NluExample gold, List<Entity> found) {
    if (shown >= Integer.getInteger("examples", 0)) {
      return;
    }
    List<String> expected =
        gold.entities().stream()
            .map(e -> e.entity() + "=" + gold.text().substring(e.start(), e.end()))
            .toList();
    List<String> actual = found.stream().map(e -> e.entity() + "=" + e.value()).toList();
    if (!expected.equals(actual)) {
      shown++;
      System.out.println(gold.text() + "\n  gold  " + expected + "\n  found " + actual);
    }
  }
}
