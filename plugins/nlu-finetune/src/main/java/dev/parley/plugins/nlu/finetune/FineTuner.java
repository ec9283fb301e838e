package dev.parley.plugins.nlu.finetune;

import static dev.parley.plugins.nlu.finetune.FineTunedWeights.HEAD_BIAS;
import static dev.parley.plugins.nlu.finetune.FineTunedWeights.HEAD_WEIGHTS;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.parley.plugin.PluginException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Fine-tunes a pretrained encoder and a linear head on labelled texts with PyTorch (through DJL):
 * the {@link TrainingObjective}'s loss (texts' or tokens' classes), Adam with warm-up and linear
 * decay, gradients clipped at 1. The word, position and type embedding tables stay as pretrained
 * (they are most of the weights and barely move on a few thousand examples), as do {@link
 * FineTuneSettings#frozenLayers} lowest layers. Batches group texts of similar length, in a seeded
 * random order. A step whose loss or gradients are not finite is skipped; fine-tunings run one at a
 * time per server.
 */
public final class FineTuner {

  private static final Logger LOG = Logger.getLogger(FineTuner.class.getName());
  private static final int LENGTH_BUCKET_BATCHES = 50;

  /** DJL's PyTorch engine allows one gradient collector per process at a time. */
  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

  private final FineTuneSettings settings;

  /** A fine-tuner with these settings. */
  public FineTuner(FineTuneSettings settings) {
    this.settings = settings;
  }

  /**
   * Trains.
   *
   * @param base the pretrained encoder's weights
   * @param heads its number of attention heads
   * @param tokenizer its tokenizer
   * @param texts the training texts
   * @param objective what to learn about them
   * @return the trained layers and head
   */
  public FineTunedWeights train(
      EncoderWeights base,
      int heads,
      HuggingFaceTokenizer tokenizer,
      List<String> texts,
      TrainingObjective objective) {
    if (texts.isEmpty()) {
      throw new PluginException("fine-tuning needs some texts");
    }
    int classes = objective.classes();
    ONE_AT_A_TIME.lock();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), pytorch().getEngineName())) {
      TransformerForward forward = new TransformerForward(manager, base, heads);
      Random random = new Random(settings.seed());
      NDArray headWeights =
          manager.create(
              initialHead(random, base.hidden() * classes), new Shape(base.hidden(), classes));
      NDArray headBias = manager.zeros(new Shape(classes));
      List<String> trained = forward.trainable(settings.frozenLayers());
      Map<String, NDArray> weights = forward.weights();
      Map<String, NDArray> updated = new LinkedHashMap<>();
      trained.forEach(name -> updated.put(name, weights.get(name)));
      updated.put(HEAD_WEIGHTS, headWeights);
      updated.put(HEAD_BIAS, headBias);
      Set<String> headNames = Set.of(HEAD_WEIGHTS, HEAD_BIAS);
      updated.values().forEach(array -> array.setRequiresGradient(true));
      int skipped = 0;

      int steps =
          settings.epochs() * ((texts.size() + settings.batchSize() - 1) / settings.batchSize());
      Optimizer encoderOptimizer = adam(settings.learningRate(), steps);
      Optimizer headOptimizer = adam(settings.headLearningRate(), steps);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        order.add(i);
      }
      for (int epoch = 0; epoch < settings.epochs(); epoch++) {
        long started = System.nanoTime();
        double lossSum = 0;
        int batches = 0;
        int skippedBefore = skipped;
        for (List<Integer> batch : batches(order, texts, random)) {
          try (NDManager step = manager.newSubManager()) {
            TokenBatch tokens = TokenBatch.of(tokenizer, batch.stream().map(texts::get).toList());
            float loss;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
              NDArray mean = objective.loss(step, forward, tokens, batch, headWeights, headBias);
              collector.backward(mean);
              loss = mean.getFloat();
            }
            Map<String, NDArray> gradients = gradients(step, updated);
            if (Float.isFinite(loss) && allFinite(gradients)) {
              gradients.forEach(
                  (name, gradient) ->
                      (headNames.contains(name) ? headOptimizer : encoderOptimizer)
                          .update(name, updated.get(name), gradient));
              lossSum += loss;
              batches++;
            } else {
              skipped++;
            }
            updated.values().forEach(FineTuner::zeroGradient);
          }
        }
        LOG.info(
            String.format(
                "fine-tuning epoch %d of %d: mean loss %.4f, %.1f s, %d steps skipped (not finite)",
                epoch + 1,
                settings.epochs(),
                lossSum / Math.max(1, batches),
                (System.nanoTime() - started) / 1e9,
                skipped - skippedBefore));
      }
      if (skipped * 10 > settings.epochs() * Math.max(1, texts.size() / settings.batchSize())) {
        throw new PluginException(
            "fine-tuning diverged: "
                + skipped
                + " steps gave non-finite gradients; lower the learning rate");
      }
      List<NamedTensor> encoder = new ArrayList<>();
      for (String name : trained) {
        NamedTensor original = base.get(name);
        encoder.add(new NamedTensor(original.name(), original.shape(), finite(weights.get(name))));
      }
      return new FineTunedWeights(
          encoder,
          new NamedTensor(HEAD_WEIGHTS, new long[] {base.hidden(), classes}, finite(headWeights)),
          new NamedTensor(HEAD_BIAS, new long[] {classes}, finite(headBias)));
    } finally {
      ONE_AT_A_TIME.unlock();
    }
  }

  private static float[] finite(NDArray weight) {
    float[] values = weight.toFloatArray();
    for (float value : values) {
      if (!Float.isFinite(value)) {
        throw new PluginException(
            "fine-tuning diverged (non-finite weights); lower the learning rate");
      }
    }
    return values;
  }

  /** PyTorch, from the native library jar on the class path; never downloaded. */
  static Engine pytorch() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    try {
      return Engine.getEngine("PyTorch");
    } catch (RuntimeException e) {
      throw new PluginException(
          "PyTorch is not available for fine-tuning (are DJL's PyTorch engine and native library"
              + " jars installed?): "
              + e.getMessage(),
          e);
    }
  }

  private Optimizer adam(float peak, int steps) {
    int warmUp = Math.max(1, steps / 10);
    Tracker schedule =
        update ->
            update < warmUp
                ? peak * (update + 1) / warmUp
                : Math.max(0f, peak * (steps - update) / (float) Math.max(1, steps - warmUp));
    return Optimizer.adam()
        .optLearningRateTracker(schedule)
        .optWeightDecays(0f)
        .optClipGrad(1f)
        .build();
  }

  private static Map<String, NDArray> gradients(NDManager step, Map<String, NDArray> updated) {
    Map<String, NDArray> gradients = new LinkedHashMap<>();
    updated.forEach(
        (name, weight) -> {
          NDArray gradient = weight.getGradient();
          gradient.attach(step);
          gradients.put(name, gradient);
        });
    return gradients;
  }

  private static boolean allFinite(Map<String, NDArray> gradients) {
    for (NDArray gradient : gradients.values()) {
      if (!Float.isFinite(gradient.sum().getFloat())) {
        return false;
      }
    }
    return true;
  }

  /** Sets a gradient to zero in place (subtracting it from itself would keep a NaN). */
  private static void zeroGradient(NDArray weight) {
    JniUtils.zeroGrad((PtNDArray) weight);
  }

  private static float[] initialHead(Random random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextGaussian() * 0.02);
    }
    return values;
  }

  /**
   * Shuffles, sorts slices of {@value #LENGTH_BUCKET_BATCHES} batches by length, shuffles the
   * batches.
   */
  private List<List<Integer>> batches(List<Integer> order, List<String> texts, Random random) {
    Collections.shuffle(order, random);
    int size = settings.batchSize();
    List<List<Integer>> batches = new ArrayList<>();
    int slice = size * LENGTH_BUCKET_BATCHES;
    for (int start = 0; start < order.size(); start += slice) {
      List<Integer> part =
          new ArrayList<>(order.subList(start, Math.min(order.size(), start + slice)));
      part.sort(Comparator.comparingInt(i -> texts.get(i).length()));
      for (int from = 0; from < part.size(); from += size) {
        batches.add(part.subList(from, Math.min(part.size(), from + size)));
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }
}
