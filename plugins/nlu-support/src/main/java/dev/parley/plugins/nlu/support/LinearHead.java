package dev.parley.plugins.nlu.support;

import de.bwaldvogel.liblinear.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * An L2-regularised logistic regression (one-vs-rest, LIBLINEAR's dual coordinate descent solver
 * via Tribuo, the classes' binary problems solved on all cores) over sparse n-gram features,
 * optionally followed by a dense vector (e.g. a sentence embedding). The trained Tribuo model is
 * kept for comparison; {@link #weights()} lays its parameters out for the ONNX graph. Probabilities
 * are LIBLINEAR's: the sigmoid of each class's score, normalised to sum to one.
 *
 * @param model the Tribuo model
 * @param space the sparse feature space the model was trained on
 * @param denseDimension length of the dense part (0 for none)
 * @param weights the model's parameters laid out for {@link OnnxLinearGraph}, one column per intent
 *     in output order
 */
public record LinearHead(
    LibLinearClassificationModel model,
    FeatureSpace space,
    int denseDimension,
    LinearWeights weights) {

  /** A head whose weights are read out of the Tribuo model (which copies its LIBLINEAR model). */
  public LinearHead(LibLinearClassificationModel model, FeatureSpace space, int denseDimension) {
    this(
        model,
        space,
        denseDimension,
        weightsOf(model, model.getInnerModels().get(0), space, denseDimension));
  }

  /**
   * Training settings.
   *
   * @param cost the inverse regularisation strength C
   * @param tolerance the solver's stopping tolerance
   * @param classBalance exponent α of the class weights: a class with n examples gets its C
   *     multiplied by (n_largest / n)^α, so α = 0 weighs every class alike and α = 1 weighs each
   *     class's examples in inverse proportion to its size
   * @param maxClassWeight the cap on a class weight
   */
  public record Settings(
      double cost, double tolerance, double classBalance, double maxClassWeight) {

    /** Settings without class weights. */
    public Settings(double cost, double tolerance) {
      this(cost, tolerance, 0, 1);
    }

    /** The weight of each label (1 for all when {@code classBalance} is 0). */
    Map<Label, Float> classWeights(List<String> intents) {
      Map<String, Integer> counts = new HashMap<>();
      intents.forEach(intent -> counts.merge(intent, 1, Integer::sum));
      int largest = Collections.max(counts.values());
      Map<Label, Float> weights = new HashMap<>();
      counts.forEach(
          (intent, n) ->
              weights.put(
                  new Label(intent),
                  (float) Math.min(maxClassWeight, Math.pow(largest / (double) n, classBalance))));
      return weights;
    }
  }

  /** Trains on rows of (intent, sparse vector, dense vector or null). */
  public static LinearHead train(
      List<String> intents,
      List<SparseFeatures> sparse,
      List<float[]> dense,
      FeatureSpace space,
      int denseDimension,
      Settings settings) {
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> dataset =
        new MutableDataset<>(new SimpleDataSourceProvenance("parley nlu", labels), labels);
    for (int i = 0; i < intents.size(); i++) {
      dataset.add(
          example(
              new Label(intents.get(i)),
              space,
              sparse.get(i),
              dense == null ? null : dense.get(i),
              denseDimension));
    }
    OneVsRestTrainer trainer =
        new OneVsRestTrainer(
            new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR_DUAL),
            settings.cost(),
            1000,
            settings.tolerance(),
            Runtime.getRuntime().availableProcessors());
    if (settings.classBalance() > 0) {
      trainer.setLabelWeights(settings.classWeights(intents));
    }
    LibLinearClassificationModel model = (LibLinearClassificationModel) trainer.train(dataset);
    Model inner = trainer.trained().orElseThrow();
    return new LinearHead(
        model, space, denseDimension, weightsOf(model, inner, space, denseDimension));
  }

  /** The Tribuo example of a vector (also used to compare Tribuo's and ONNX Runtime's answers). */
  public static Example<Label> example(
      Label label, FeatureSpace space, SparseFeatures sparse, float[] dense, int denseDimension) {
    int size = sparse.size() + (dense == null ? 0 : denseDimension);
    String[] names = new String[size];
    double[] values = new double[size];
    for (int i = 0; i < sparse.size(); i++) {
      names[i] = space.name(sparse.indices()[i]);
      values[i] = sparse.values()[i];
    }
    if (dense != null) {
      for (int d = 0; d < denseDimension; d++) {
        names[sparse.size() + d] = denseName(d);
        values[sparse.size() + d] = dense[d];
      }
    }
    return new ArrayExample<>(label, names, values);
  }

  /** The intents in the model's output order. */
  public List<String> intents() {
    List<String> intents = new ArrayList<>();
    for (int c = 0; c < model.getOutputIDInfo().size(); c++) {
      intents.add(model.getOutputIDInfo().getOutput(c).getLabel());
    }
    return intents;
  }

  /** The parameters of the LIBLINEAR model inside the Tribuo model, laid out for the graph. */
  private static LinearWeights weightsOf(
      LibLinearClassificationModel model, Model inner, FeatureSpace space, int denseDimension) {
    ImmutableFeatureMap features = model.getFeatureIDMap();
    int classes = model.getOutputIDInfo().size();
    double[] w = inner.getFeatureWeights();
    int columns = inner.getNrClass() == 2 ? 1 : inner.getNrClass();
    int[] slotOf = new int[classes];
    int[] labels = inner.getLabels();
    for (int slot = 0; slot < labels.length; slot++) {
      slotOf[labels[slot]] = slot;
    }
    ColumnReader weight = new ColumnReader(w, columns, slotOf);
    float[] sparseWeights = new float[space.size() * classes];
    for (int f = 0; f < space.size(); f++) {
      int id = features.getID(space.name(f));
      if (id >= 0) {
        for (int c = 0; c < classes; c++) {
          sparseWeights[f * classes + c] = (float) weight.of(id, c);
        }
      }
    }
    float[] denseWeights = new float[denseDimension * classes];
    for (int d = 0; d < denseDimension; d++) {
      int id = features.getID(denseName(d));
      if (id >= 0) {
        for (int c = 0; c < classes; c++) {
          denseWeights[d * classes + c] = (float) weight.of(id, c);
        }
      }
    }
    float[] bias = new float[classes];
    int rows = w.length / columns;
    for (int row = features.size(); row < rows; row++) {
      // the bias feature(s) after the real ones: Tribuo's constant node and/or LIBLINEAR's own
      double value = row == inner.getNrFeature() && inner.getBias() >= 0 ? inner.getBias() : 1.0;
      for (int c = 0; c < classes; c++) {
        bias[c] += (float) (value * weight.of(row, c));
      }
    }
    return new LinearWeights(
        space.size(), denseDimension, classes, sparseWeights, denseWeights, bias);
  }

  /**
   * Class c's weight of a LIBLINEAR row: column slotOf[c]; with two classes LIBLINEAR keeps one
   * column, for its first label, and the second class's score is its negation.
   */
  private record ColumnReader(double[] w, int columns, int[] slotOf) {
    double of(int row, int c) {
      if (columns == 1) {
        return slotOf[c] == 0 ? w[row] : -w[row];
      }
      return w[row * columns + slotOf[c]];
    }
  }

  private static String denseName(int d) {
    return "e:" + d;
  }
}
