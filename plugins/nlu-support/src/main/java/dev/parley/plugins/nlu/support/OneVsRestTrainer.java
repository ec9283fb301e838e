package dev.parley.plugins.nlu.support;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.provenance.ModelProvenance;

/**
 * Tribuo's LIBLINEAR classification trainer with LIBLINEAR's one-vs-rest problems (one binary
 * problem per class, as {@code Linear.train} solves them one after the other) solved on several
 * threads. Each class's problem is exactly LIBLINEAR's: positives weighted {@code C × label
 * weight}, negatives {@code C}; each has its own seeded random order, so the model does not depend
 * on the thread count. The per-class weights are put together into one LIBLINEAR model in the
 * layout {@code Linear.train} gives (one column per class). Two-class problems (a single binary
 * problem) and solvers that are not one-vs-rest (Crammer–Singer) go through {@code Linear.train}
 * unchanged, as does everything when the model cannot be put together (a LIBLINEAR version whose
 * model fields differ).
 *
 * <p>One instance trains one model ({@link #trained} hands out its LIBLINEAR model without the copy
 * Tribuo's {@code getInnerModels} makes).
 */
final class OneVsRestTrainer extends LibLinearClassificationTrainer {

  private static final long SEED = 0x5eed_11b1L;

  private final int threads;
  private Model trained;

  /**
   * A trainer.
   *
   * @param type the LIBLINEAR solver
   * @param cost C
   * @param maxIterations LIBLINEAR's iteration cap per binary problem
   * @param tolerance the solver's stopping tolerance
   * @param threads how many binary problems to solve at once
   */
  OneVsRestTrainer(
      LinearClassificationType type,
      double cost,
      int maxIterations,
      double tolerance,
      int threads) {
    super(type, cost, maxIterations, tolerance);
    this.threads = Math.max(1, threads);
  }

  /** The LIBLINEAR model of the last {@code train} call (shared with the Tribuo model). */
  Optional<Model> trained() {
    return Optional.ofNullable(trained);
  }

  @Override
  protected List<Model> trainModels(
      Parameter parameters, int numFeatures, FeatureNode[][] features, double[][] outputs) {
    int[] classes = classesInOrder(outputs[0]);
    if (classes.length <= 2
        || parameters.getSolverType() == SolverType.MCSVM_CS
        || ModelFields.INSTANCE.isEmpty()) {
      return super.trainModels(parameters, numFeatures, features, outputs);
    }
    Problem problem = new Problem();
    problem.l = features.length;
    problem.n = numFeatures;
    problem.x = features;
    problem.bias = 1.0;
    double[][] columns = solveAll(problem, outputs[0], classes, parameters);
    return List.of(ModelFields.INSTANCE.get().assemble(parameters, classes, columns, problem));
  }

  @Override
  protected LibLinearModel<Label> createModel(
      ModelProvenance provenance,
      ImmutableFeatureMap featureIDMap,
      ImmutableOutputInfo<Label> outputIDInfo,
      List<Model> models) {
    trained = models.get(0);
    return super.createModel(provenance, featureIDMap, outputIDInfo, models);
  }

  /** The class ids in order of first appearance, as LIBLINEAR numbers its columns. */
  private static int[] classesInOrder(double[] labels) {
    List<Integer> seen = new ArrayList<>();
    for (double label : labels) {
      Integer id = (int) label;
      if (!seen.contains(id)) {
        seen.add(id);
      }
    }
    return seen.stream().mapToInt(Integer::intValue).toArray();
  }

  private double[][] solveAll(
      Problem problem, double[] labels, int[] classes, Parameter parameters) {
    double[][] columns = new double[classes.length][];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          int i;
          while ((i = next.getAndIncrement()) < classes.length) {
            columns[i] = solveOne(problem, labels, classes[i], parameters);
          }
        };
    int helpers = Math.min(threads, classes.length) - 1;
    if (helpers == 0) {
      worker.run();
      return columns;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            helpers,
            task -> {
              Thread thread = new Thread(task, "parley-liblinear");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < helpers; t++) {
        running.add(pool.submit(worker));
      }
      worker.run();
      for (Future<?> future : running) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("LIBLINEAR failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return columns;
  }

  /** Class {@code positive} against the rest; the weights for "is the class" (bias last). */
  private static double[] solveOne(
      Problem shared, double[] labels, int positive, Parameter parameters) {
    Problem problem = new Problem();
    problem.l = shared.l;
    problem.n = shared.n;
    problem.x = shared.x;
    problem.bias = shared.bias;
    problem.y = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      problem.y[i] = (int) labels[i] == positive ? 1 : -1;
    }
    Parameter binary = parameters.clone();
    binary.setRandom(new Random(SEED + positive));
    binary.setWeights(new double[] {labelWeight(parameters, positive), 1.0}, new int[] {1, -1});
    Model model = Linear.train(problem, binary);
    double[] w = model.getFeatureWeights();
    if (model.getLabels()[0] != 1) {
      // LIBLINEAR's single column is for its first label; flip it to "is the class"
      for (int j = 0; j < w.length; j++) {
        w[j] = -w[j];
      }
    }
    return w;
  }

  private static double labelWeight(Parameter parameters, int label) {
    int[] labels = parameters.getWeightLabels();
    for (int i = 0; i < parameters.getNumWeights(); i++) {
      if (labels[i] == label) {
        return parameters.getWeights()[i];
      }
    }
    return 1.0;
  }

  /**
   * Puts a LIBLINEAR model together from its parts. liblinear-java keeps them in package-private
   * fields (Tribuo's own LIBLINEAR deserialiser sets the same fields the same way); absent when
   * they cannot be reached, in which case training stays on {@code Linear.train}.
   */
  private record ModelFields(
      Field solverType, Field classes, Field labels, Field features, Field bias, Field weights) {

    static final Optional<ModelFields> INSTANCE = find();

    private static Optional<ModelFields> find() {
      try {
        return Optional.of(
            new ModelFields(
                field("solverType"),
                field("nr_class"),
                field("label"),
                field("nr_feature"),
                field("bias"),
                field("w")));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return Optional.empty();
      }
    }

    private static Field field(String name) throws NoSuchFieldException {
      Field field = Model.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    }

    Model assemble(Parameter parameters, int[] classes, double[][] columns, Problem problem) {
      int rows = columns[0].length;
      double[] w = new double[rows * classes.length];
      for (int c = 0; c < classes.length; c++) {
        double[] column = columns[c];
        for (int j = 0; j < rows; j++) {
          w[j * classes.length + c] = column[j];
        }
      }
      Model model = new Model();
      try {
        solverType.set(model, parameters.getSolverType());
        this.classes.setInt(model, classes.length);
        labels.set(model, classes.clone());
        features.setInt(model, problem.bias >= 0 ? problem.n - 1 : problem.n);
        bias.setDouble(model, problem.bias);
        weights.set(model, w);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot put the LIBLINEAR model together", e);
      }
      return model;
    }
  }
}
