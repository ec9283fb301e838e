package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifier;
import dev.parley.plugins.nlu.support.ScratchStorage;
import dev.parley.plugins.nlu.support.StratifiedFolds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects the held-out outcomes the cascade's threshold is chosen on, from the bot's own training
 * examples: a sparse and a hybrid model are trained without a stratified fold and asked about it.
 * Bots with fewer than {@link #CROSS_VALIDATE_BELOW} examples are cross-validated over {@link
 * #FOLDS} folds (every example is held out once); larger bots hold out one fold (a fifth). The
 * texts are embedded once for all folds. The bot's out-of-scope intent, if it has one, is trained
 * like the others but is not in scope: the detector does not keep its examples, and its held-out
 * examples are not counted in the detector's budget.
 */
final class CascadeCalibration {

  static final int FOLDS = 5;
  static final int CROSS_VALIDATE_BELOW = 2000;

  private final Supplier<SparseIntentClassifier> sparseModels;
  private final Supplier<EmbeddingIntentClassifier> hybridModels;
  private final String outOfScopeIntent;

  CascadeCalibration(
      Supplier<SparseIntentClassifier> sparseModels,
      Supplier<EmbeddingIntentClassifier> hybridModels,
      String outOfScopeIntent) {
    this.sparseModels = sparseModels;
    this.hybridModels = hybridModels;
    this.outOfScopeIntent = outOfScopeIntent;
  }

  /**
   * What the two models, trained without it, made of one held-out example.
   *
   * @param sparseConfidence the sparse model's top confidence ({@code NaN}: it knew no n-gram)
   * @param sparseRight whether the sparse model's top intent was the gold one
   * @param hybridConfidence the hybrid model's top confidence
   * @param hybridRight whether the hybrid model's top intent was the gold one
   * @param similarity the example's out-of-scope score ({@link NearestExampleDetector}, fitted
   *     without it)
   * @param inScope whether the example's intent is in scope (not the bot's out-of-scope intent)
   */
  record HeldOut(
      double sparseConfidence,
      boolean sparseRight,
      double hybridConfidence,
      boolean hybridRight,
      double similarity,
      boolean inScope) {

    /** An in-scope example. */
    HeldOut(
        double sparseConfidence,
        boolean sparseRight,
        double hybridConfidence,
        boolean hybridRight,
        double similarity) {
      this(sparseConfidence, sparseRight, hybridConfidence, hybridRight, similarity, true);
    }

    /** Whether the sparse model answered at all. */
    boolean sparseKnown() {
      return !Double.isNaN(sparseConfidence);
    }

    /** Whether the cascade with {@code threshold} lets the sparse model answer. */
    boolean sparseAnswers(double threshold) {
      return sparseKnown() && sparseConfidence >= threshold;
    }

    /** The outcome the cascade's threshold is chosen on. */
    CascadeThreshold.Outcome outcome() {
      return new CascadeThreshold.Outcome(sparseConfidence, sparseRight, hybridRight);
    }
  }

  /** The held-out outcomes of the bot's examples (their embeddings given in the same order). */
  List<HeldOut> outcomes(TrainingData data, List<float[]> embeddings) {
    List<NluExample> examples = data.examples();
    StratifiedFolds folds = StratifiedFolds.of(examples, FOLDS);
    int heldOutFolds = examples.size() < CROSS_VALIDATE_BELOW ? FOLDS : 1;
    List<HeldOut> outcomes = new ArrayList<>();
    for (int fold = 0; fold < heldOutFolds; fold++) {
      outcomes.addAll(foldOutcomes(data, embeddings, folds, fold));
    }
    return outcomes;
  }

  private List<HeldOut> foldOutcomes(
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
    List<HeldOut> outcomes = new ArrayList<>();
    OutOfScopeScore detector =
        NearestExampleDetector.fit(inScope(train, trainEmbeddings, outOfScopeIntent));
    try (SparseIntentClassifier sparse = sparseModels.get();
        EmbeddingIntentClassifier hybrid = hybridModels.get()) {
      sparse.train(withExamples(data, train), new ScratchStorage());
      hybrid.train(train, trainEmbeddings, new ScratchStorage());
      for (int i : heldOut) {
        NluExample example = examples.get(i);
        List<IntentPrediction> sparseRanking =
            sparse.classify(new Message(example.text(), data.language(), Map.of()));
        // no known n-gram (empty ranking): the cascade always asks the hybrid
        List<IntentPrediction> hybridRanking = hybrid.classify(example.text(), embeddings.get(i));
        outcomes.add(
            new HeldOut(
                sparseRanking.isEmpty() ? Double.NaN : sparseRanking.get(0).confidence(),
                !sparseRanking.isEmpty() && sparseRanking.get(0).name().equals(example.intent()),
                hybridRanking.isEmpty() ? 0 : hybridRanking.get(0).confidence(),
                !hybridRanking.isEmpty() && hybridRanking.get(0).name().equals(example.intent()),
                detector.similarity(embeddings.get(i)),
                !example.intent().equals(outOfScopeIntent)));
      }
    }
    return outcomes;
  }

  /** The embeddings of the examples whose intent is not the out-of-scope one. */
  static List<float[]> inScope(
      List<NluExample> examples, List<float[]> embeddings, String outOfScopeIntent) {
    List<float[]> kept = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (!examples.get(i).intent().equals(outOfScopeIntent)) {
        kept.add(embeddings.get(i));
      }
    }
    return kept;
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
