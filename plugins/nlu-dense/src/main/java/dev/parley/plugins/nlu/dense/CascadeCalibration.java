package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects the held-out outcomes the cascade's threshold is chosen on, from the bot's own training
 * examples: a sparse and a hybrid model are trained without a stratified fold and asked about it.
 * Bots with fewer than {@link #CROSS_VALIDATE_BELOW} examples are cross-validated over {@link
 * #FOLDS} folds (every example is held out once); larger bots hold out one fold (a fifth). The
 * texts are embedded once for all folds.
 */
final class CascadeCalibration {

  static final int FOLDS = 5;
  static final int CROSS_VALIDATE_BELOW = 2000;

  private final Supplier<SparseIntentClassifier> sparseModels;
  private final Supplier<EmbeddingIntentClassifier> hybridModels;

  CascadeCalibration(
      Supplier<SparseIntentClassifier> sparseModels,
      Supplier<EmbeddingIntentClassifier> hybridModels) {
    this.sparseModels = sparseModels;
    this.hybridModels = hybridModels;
  }

  /** The held-out outcomes of the bot's examples (their embeddings given in the same order). */
  List<CascadeThreshold.Outcome> outcomes(TrainingData data, List<float[]> embeddings) {
    List<NluExample> examples = data.examples();
    StratifiedFolds folds = StratifiedFolds.of(examples, FOLDS);
    int heldOutFolds = examples.size() < CROSS_VALIDATE_BELOW ? FOLDS : 1;
    List<CascadeThreshold.Outcome> outcomes = new ArrayList<>();
    for (int fold = 0; fold < heldOutFolds; fold++) {
      outcomes.addAll(foldOutcomes(data, embeddings, folds, fold));
    }
    return outcomes;
  }

  private List<CascadeThreshold.Outcome> foldOutcomes(
      TrainingData data, List<float[]> embeddings, StratifiedFolds folds, int fold) {
    List<NluExample> examples = data.examples();
    List<NluExample> train = new ArrayList<>();
    List<float[]> trainEmbeddings = new ArrayList<>();
    List<Integer> heldOut = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (folds.heldOut(i, fold)) {
        heldOut.add(i);
      } else {
        train.add(examples.get(i));
        trainEmbeddings.add(embeddings.get(i));
      }
    }
    if (heldOut.isEmpty() || train.stream().map(NluExample::intent).distinct().count() < 2) {
      return List.of();
    }
    List<CascadeThreshold.Outcome> outcomes = new ArrayList<>();
    try (SparseIntentClassifier sparse = sparseModels.get();
        EmbeddingIntentClassifier hybrid = hybridModels.get()) {
      sparse.train(withExamples(data, train), new ScratchStorage());
      hybrid.train(train, trainEmbeddings, new ScratchStorage());
      for (int i : heldOut) {
        NluExample example = examples.get(i);
        List<IntentPrediction> sparseRanking =
            sparse.classify(new Message(example.text(), data.language(), Map.of()));
        if (sparseRanking.isEmpty()) {
          continue; // no known n-gram: the cascade always asks the hybrid
        }
        List<IntentPrediction> hybridRanking = hybrid.classify(example.text(), embeddings.get(i));
        outcomes.add(
            new CascadeThreshold.Outcome(
                sparseRanking.get(0).confidence(),
                sparseRanking.get(0).name().equals(example.intent()),
                !hybridRanking.isEmpty() && hybridRanking.get(0).name().equals(example.intent())));
      }
    }
    return outcomes;
  }

  private static TrainingData withExamples(TrainingData data, List<NluExample> examples) {
    return new TrainingData(
        data.language(),
        data.domain(),
        examples,
        data.synonyms(),
        data.regexes(),
        data.lookups(),
        data.stories(),
        data.rules());
  }
}
