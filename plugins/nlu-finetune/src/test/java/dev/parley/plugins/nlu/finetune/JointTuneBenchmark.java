package dev.parley.plugins.nlu.finetune;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnx.proto.OnnxMl;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugins.testkit.IntentBenchmarks;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.SpanScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An experiment: fine-tunes one encoder on intents and entities together ({@link JointObjective})
 * and prints intent accuracy, macro-F1 and entity F1 on the valid split. Not a unit test: {@code
 * mvn -B -q -pl plugins/nlu-finetune -am test -Dtest=JointTuneBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddatasets=atis -Depochs=6}.
 */
class JointTuneBenchmark {

  @Test
  void run() {
    FineTuneSettings settings =
        new FineTuneSettings(
            Integer.getInteger("epochs", 6),
            Float.parseFloat(System.getProperty("learning_rate", "5e-5")),
            Float.parseFloat(System.getProperty("head_learning_rate", "2e-3")),
            Integer.getInteger("batch_size", 32),
            0,
            64,
            1,
            false);
    System.out.println("| data set | epochs | train s | accuracy % | macro-F1 % | entity F1 % |");
    System.out.println("|---|---|---|---|---|---|");
    for (String set : System.getProperty("datasets", "atis").split(",")) {
      String language = set.endsWith("_zh") ? "zh" : "en";
      NluDatasets.Experiment experiment = NluDatasets.experiment(set, "valid");
      List<NluExample> train = experiment.train();
      List<String> intents = train.stream().map(NluExample::intent).distinct().sorted().toList();
      Map<String, Integer> index = new HashMap<>();
      intents.forEach(intent -> index.put(intent, index.size()));
      EntityTags tags = EntityTags.of(train);
      BaseEncoder base = BaseEncoder.choose("auto", language);
      OnnxMl.ModelProto baseModel = base.graph();
      HuggingFaceTokenizer tokenizer = base.tokenizer(settings.maxTokens());
      List<int[]> tokenTags = new ArrayList<>();
      for (NluExample example : train) {
        tokenTags.add(tags.tagsOf(example, tokenizer.encode(example.text())));
      }
      long start = System.nanoTime();
      FineTunedWeights joint =
          new FineTuner(settings)
              .train(
                  EncoderWeights.of(baseModel),
                  base.heads(),
                  tokenizer,
                  train.stream().map(NluExample::text).toList(),
                  new JointObjective(
                      new IntentObjective(
                          train.stream().map(e -> index.get(e.intent())).toList(), intents.size()),
                      new TokenObjective(tokenTags, tags.size())));
      double seconds = (System.nanoTime() - start) / 1e9;
      int hidden = (int) joint.headWeights().shape()[0];
      try (FineTunedScorer texts =
              FineTunedModels.scorer(
                  baseModel,
                  slice(joint, hidden, 0, intents.size()),
                  tokenizer,
                  ClassifierGraph.Output.TEXTS,
                  settings.int8());
          FineTunedScorer words =
              FineTunedModels.scorer(
                  baseModel,
                  slice(joint, hidden, intents.size(), joint.classes()),
                  tokenizer,
                  ClassifierGraph.Output.TOKENS,
                  settings.int8())) {
        List<String> predicted = new ArrayList<>();
        SpanScore score = new SpanScore();
        for (NluExample example : experiment.eval()) {
          float[] probabilities = texts.probabilities(example.text());
          int best = 0;
          for (int c = 1; c < probabilities.length; c++) {
            best = probabilities[c] > probabilities[best] ? c : best;
          }
          predicted.add(intents.get(best));
          List<Entity> found = FineTunedEntityExtractor.entities(example.text(), tags, words);
          score.add(example, found);
        }
        double[] scores = IntentBenchmarks.scores(experiment.eval(), predicted);
        System.out.printf(
            "| %s | %d | %.0f | %.2f | %.2f | %.2f |%n",
            set, settings.epochs(), seconds, 100 * scores[0], 100 * scores[1], 100 * score.f1());
      }
    }
  }

  /** The encoder with the head's columns {@code from} (inclusive) to {@code to} (exclusive). */
  private static FineTunedWeights slice(FineTunedWeights joint, int hidden, int from, int to) {
    int all = joint.classes();
    int width = to - from;
    float[] weights = new float[hidden * width];
    for (int row = 0; row < hidden; row++) {
      System.arraycopy(joint.headWeights().values(), row * all + from, weights, row * width, width);
    }
    return new FineTunedWeights(
        joint.encoder(),
        new NamedTensor("w", new long[] {hidden, width}, weights),
        new NamedTensor(
            "b", new long[] {width}, Arrays.copyOfRange(joint.headBias().values(), from, to)));
  }
}
