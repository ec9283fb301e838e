package dev.parley.plugins.nlu.support;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.HeldOutPrediction;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.SelfCalibrating;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A linear intent classifier that measures itself while it trains, as the cascade does: bots with
 * fewer than {@link #CROSS_VALIDATE_BELOW} examples are cross-validated over {@link #FOLDS}
 * stratified folds, larger ones hold out one fold; a temperature ({@link TemperatureScaling}) is
 * fitted on the held-out rankings and served with the model, and the calibrated held-out top
 * confidences are kept ({@link SelfCalibrating}), so {@code fallback_threshold: auto} is chosen
 * from them. Bots with fewer than {@link #MIN_FOR_CALIBRATION} examples are served as the model
 * gives them, without held-out predictions (a fit on fewer would be noise; training stays as quick
 * as before). {@link #close} closes the served model if it holds resources.
 *
 * @param <C> the wrapped classifier
 */
public final class TemperatureCalibratedClassifier<C extends IntentClassifier & Trainable>
    implements IntentClassifier, Trainable, SelfCalibrating, AutoCloseable {

  /** The artifact holding the temperature and the held-out predictions. */
  public static final String ARTIFACT = "calibration.temperature";

  static final int FOLDS = 5;
  static final int CROSS_VALIDATE_BELOW = 2000;

  /** Bots with fewer examples are not calibrated. */
  public static final int MIN_FOR_CALIBRATION = 300;

  private final Supplier<C> models;
  private volatile Served<C> served;

  private record Served<C>(C model, TemperatureScaling scaling, List<HeldOutPrediction> heldOut) {}

  /** A classifier made by {@code models} (each call an untrained one), not yet trained. */
  public TemperatureCalibratedClassifier(Supplier<C> models) {
    this.models = models;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    TemperatureScaling scaling = TemperatureScaling.IDENTITY;
    List<HeldOutPrediction> heldOut = List.of();
    if (data.examples().size() >= MIN_FOR_CALIBRATION) {
      List<TemperatureScaling.Sample> samples = heldOutSamples(data);
      scaling = TemperatureScaling.fit(samples);
      heldOut = predictions(samples, scaling);
    }
    C model = models.get();
    model.train(data, storage);
    storage.write(ARTIFACT, encode(scaling, heldOut).getBytes(StandardCharsets.UTF_8));
    serve(new Served<>(model, scaling, heldOut));
  }

  @Override
  public void load(ModelStorage storage) {
    C model = models.get();
    model.load(storage);
    Served<C> next =
        storage
            .read(ARTIFACT)
            .map(bytes -> decode(model, new String(bytes, StandardCharsets.UTF_8)))
            // a model stored before: raw confidences
            .orElse(new Served<>(model, TemperatureScaling.IDENTITY, List.of()));
    serve(next);
  }

  @Override
  public List<IntentPrediction> classify(Message message) {
    Served<C> current = served;
    if (current == null) {
      return List.of();
    }
    return current.scaling().apply(current.model().classify(message));
  }

  @Override
  public List<HeldOutPrediction> heldOut() {
    Served<C> current = served;
    return current == null ? List.of() : current.heldOut();
  }

  /** The served temperature (1 when not calibrated). */
  public double temperature() {
    Served<C> current = served;
    return current == null ? 1 : current.scaling().temperature();
  }

  /** The served model's raw ranking (for the benchmarks' before and after). */
  public List<IntentPrediction> uncalibrated(Message message) {
    return served.model().classify(message);
  }

  private List<TemperatureScaling.Sample> heldOutSamples(TrainingData data) {
    List<NluExample> examples = data.examples();
    StratifiedFolds folds = StratifiedFolds.of(examples, FOLDS);
    int heldOutFolds = examples.size() < CROSS_VALIDATE_BELOW ? FOLDS : 1;
    List<TemperatureScaling.Sample> samples = new ArrayList<>();
    for (int fold = 0; fold < heldOutFolds; fold++) {
      List<NluExample> train = new ArrayList<>();
      List<NluExample> heldOut = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        (folds.heldOut(i, fold) ? heldOut : train).add(examples.get(i));
      }
      if (heldOut.isEmpty() || train.stream().map(NluExample::intent).distinct().count() < 2) {
        continue;
      }
      C model = models.get();
      try {
        model.train(withExamples(data, train), new ScratchStorage());
        for (NluExample example : heldOut) {
          samples.add(
              new TemperatureScaling.Sample(
                  model.classify(new Message(example.text(), data.language(), Map.of())),
                  example.intent()));
        }
      } finally {
        closeIfCloseable(model);
      }
    }
    return samples;
  }

  private static List<HeldOutPrediction> predictions(
      List<TemperatureScaling.Sample> samples, TemperatureScaling scaling) {
    List<HeldOutPrediction> predictions = new ArrayList<>();
    for (TemperatureScaling.Sample sample : samples) {
      List<IntentPrediction> ranking = scaling.apply(sample.ranking());
      predictions.add(
          ranking.isEmpty()
              ? new HeldOutPrediction(0, false)
              : new HeldOutPrediction(
                  // as stored (six decimals), so a loaded version reports the same
                  Math.round(ranking.get(0).confidence() * 1e6) / 1e6,
                  ranking.get(0).name().equals(sample.gold())));
    }
    return predictions;
  }

  private static String encode(TemperatureScaling scaling, List<HeldOutPrediction> heldOut) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "temperature %.17g%nheldout", scaling.temperature()));
    for (HeldOutPrediction p : heldOut) {
      text.append(String.format(Locale.ROOT, " %.6f:%d", p.confidence(), p.correct() ? 1 : 0));
    }
    return text.append('\n').toString();
  }

  private static <C> Served<C> decode(C model, String text) {
    TemperatureScaling scaling = TemperatureScaling.IDENTITY;
    List<HeldOutPrediction> heldOut = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split(" ", 2);
      String value = parts.length < 2 ? "" : parts[1].trim();
      if (parts[0].equals("temperature")) {
        scaling = new TemperatureScaling(Double.parseDouble(value));
      } else if (parts[0].equals("heldout")) {
        Arrays.stream(value.split(" "))
            .filter(p -> !p.isEmpty())
            .map(p -> p.split(":"))
            .forEach(
                p ->
                    heldOut.add(new HeldOutPrediction(Double.parseDouble(p[0]), p[1].equals("1"))));
      }
    }
    return new Served<>(model, scaling, List.copyOf(heldOut));
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

  private void serve(Served<C> next) {
    Served<C> previous = served;
    served = next;
    if (previous != null) {
      closeIfCloseable(previous.model());
    }
  }

  /** Closes the served model if it holds resources. */
  @Override
  public void close() {
    Served<C> current = served;
    if (current != null) {
      closeIfCloseable(current.model());
    }
  }

  private static void closeIfCloseable(Object model) {
    if (model instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the intent model", e);
      }
    }
  }
}
