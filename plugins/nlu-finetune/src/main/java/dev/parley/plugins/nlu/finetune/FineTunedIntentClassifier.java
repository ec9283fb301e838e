package dev.parley.plugins.nlu.finetune;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnx.proto.OnnxMl;
import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Intent classification by a fine-tuned encoder: {@link #train} fine-tunes the base encoder with
 * PyTorch ({@link FineTuner}) and stores only what changed (the trained layers and the head) with
 * the model version; {@link #load} rebuilds the full ONNX model from the shipped base model and
 * serves it with ONNX Runtime. {@link #close} releases this version's session.
 */
public final class FineTunedIntentClassifier implements IntentClassifier, Trainable, AutoCloseable {

  static final String BASE = "finetune.base";
  static final String INTENTS = "finetune.intents";
  static final String WEIGHTS = "finetune.weights";

  private final BaseEncoder base;
  private final FineTuneSettings settings;
  private final double ngramWeight;
  private final Supplier<SparseIntentClassifier> ngramModels;
  private volatile Served served = new Served(List.of(), Optional.empty(), NgramBlend.off());

  private record Served(
      List<String> intents, Optional<FineTunedScorer> scorer, NgramBlend ngramBlend) {}

  /**
   * A classifier, not yet trained, that fine-tunes {@code base} with {@code settings}; a new
   * version also trains an n-gram classifier from {@code ngramModels} and mixes its probabilities
   * in with {@code ngramWeight} (0: off).
   */
  public FineTunedIntentClassifier(
      BaseEncoder base,
      FineTuneSettings settings,
      double ngramWeight,
      Supplier<SparseIntentClassifier> ngramModels) {
    this.base = base;
    this.settings = settings;
    this.ngramWeight = NgramBlend.checkWeight(ngramWeight);
    this.ngramModels = ngramModels;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    List<NluExample> examples = data.examples();
    List<String> intents = examples.stream().map(NluExample::intent).distinct().sorted().toList();
    FineTunedModels.writeBase(storage, BASE, base);
    storage.write(INTENTS, writeIntents(intents));
    Optional<FineTunedScorer> scorer = Optional.empty();
    NgramBlend ngramBlend = NgramBlend.off();
    if (intents.size() >= 2) {
      ngramBlend = NgramBlend.train(ngramWeight, ngramModels, data, storage);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < intents.size(); i++) {
        index.put(intents.get(i), i);
      }
      OnnxMl.ModelProto baseModel = base.graph();
      HuggingFaceTokenizer tokenizer = base.tokenizer(settings.maxTokens());
      FineTunedWeights tuned =
          new FineTuner(settings)
              .train(
                  EncoderWeights.of(baseModel),
                  base.heads(),
                  tokenizer,
                  examples.stream().map(NluExample::text).toList(),
                  new IntentObjective(
                      examples.stream().map(e -> index.get(e.intent())).toList(), intents.size()));
      storage.write(WEIGHTS, tuned.toBytes());
      // served from the model already read, not read and parsed again through load
      scorer = Optional.of(scorer(baseModel, tuned, tokenizer));
    }
    serve(new Served(intents, scorer, ngramBlend));
  }

  @Override
  public void load(ModelStorage storage) {
    BaseEncoder trainedFrom = FineTunedModels.readBase(storage, BASE, "intent model");
    List<String> intents =
        readIntents(
            storage.read(INTENTS).orElseThrow(() -> new PluginException("no stored intents")));
    Optional<FineTunedScorer> scorer = Optional.empty();
    NgramBlend ngramBlend = NgramBlend.off();
    Optional<byte[]> weights = storage.read(WEIGHTS);
    if (weights.isPresent()) {
      FineTunedWeights tuned = FineTunedWeights.fromBytes(weights.get());
      if (tuned.classes() != intents.size()) {
        throw new PluginException("the stored fine-tuned head does not match the stored intents");
      }
      scorer =
          Optional.of(
              scorer(trainedFrom.graph(), tuned, trainedFrom.tokenizer(settings.maxTokens())));
      ngramBlend = NgramBlend.load(ngramModels, storage);
    }
    serve(new Served(intents, scorer, ngramBlend));
  }

  private FineTunedScorer scorer(
      OnnxMl.ModelProto baseModel, FineTunedWeights tuned, HuggingFaceTokenizer tokenizer) {
    return FineTunedModels.scorer(
        baseModel, tuned, tokenizer, ClassifierGraph.Output.TEXTS, settings.int8());
  }

  /** Switches to a new version and releases the previous one's sessions. */
  private void serve(Served version) {
    Served previous = served;
    served = version;
    release(previous);
  }

  private static void release(Served version) {
    version.scorer().ifPresent(FineTunedScorer::close);
    version.ngramBlend().close();
  }

  @Override
  public List<IntentPrediction> classify(Message message) {
    Served current = served;
    if (current.scorer().isEmpty()) {
      return current.intents().stream().map(name -> new IntentPrediction(name, 1.0)).toList();
    }
    return current
        .ngramBlend()
        .rank(current.intents(), current.scorer().get().probabilities(message.text()), message);
  }

  /** Releases this version's sessions. */
  @Override
  public void close() {
    release(served);
  }

  private static byte[] writeIntents(List<String> intents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(intents.size());
      for (String intent : intents) {
        out.writeUTF(intent);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static List<String> readIntents(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int count = in.readInt();
      List<String> intents = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        intents.add(in.readUTF());
      }
      return List.copyOf(intents);
    } catch (IOException e) {
      throw new PluginException("the stored intents are not readable", e);
    }
  }
}
