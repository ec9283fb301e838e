package dev.parley.plugins.nlu.finetune;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnx.proto.OnnxMl;
import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entities found by a fine-tuned encoder with a token classification head: {@link #train}
 * fine-tunes the base encoder on the {@code [value](entity)} annotations tagged BIO per word
 * ({@link EntityTags}) and stores only the trained layers and the head with the model version;
 * {@link #load} rebuilds the full ONNX model and serves it with ONNX Runtime. Every token sees the
 * whole message, so the role of a value ("from boston" against "to boston") is learned from its
 * context. Values are the surface text; {@link #close} releases this version's session.
 */
public final class FineTunedEntityExtractor implements EntityExtractor, Trainable, AutoCloseable {

  static final String BASE = "finetune-entities.base";
  static final String KINDS = "finetune-entities.kinds";
  static final String WEIGHTS = "finetune-entities.weights";

  private final BaseEncoder base;
  private final FineTuneSettings settings;
  private volatile Optional<Served> served = Optional.empty();

  private record Served(EntityTags tags, FineTunedScorer scorer) {}

  /** An extractor, not yet trained, that fine-tunes {@code base} with {@code settings}. */
  public FineTunedEntityExtractor(BaseEncoder base, FineTuneSettings settings) {
    this.base = base;
    this.settings = settings;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    List<NluExample> examples = data.examples();
    EntityTags tags = EntityTags.of(examples);
    FineTunedModels.writeBase(storage, BASE, base);
    storage.write(KINDS, tags.toBytes());
    if (tags.kinds().isEmpty()) {
      storage.write(WEIGHTS, new byte[0]);
      serve(Optional.empty());
      return;
    }
    OnnxMl.ModelProto baseModel = base.graph();
    HuggingFaceTokenizer tokenizer = base.tokenizer(settings.maxTokens());
    List<String> texts = examples.stream().map(NluExample::text).toList();
    List<int[]> tokenTags = new ArrayList<>(examples.size());
    for (NluExample example : examples) {
      tokenTags.add(tags.tagsOf(example, tokenizer.encode(example.text())));
    }
    FineTunedWeights tuned =
        new FineTuner(settings)
            .train(
                EncoderWeights.of(baseModel),
                base.heads(),
                tokenizer,
                texts,
                new TokenObjective(tokenTags, tags.size()));
    storage.write(WEIGHTS, tuned.toBytes());
    serve(Optional.of(new Served(tags, scorer(baseModel, tuned, tokenizer))));
  }

  @Override
  public void load(ModelStorage storage) {
    BaseEncoder trainedFrom = FineTunedModels.readBase(storage, BASE, "entity model");
    EntityTags tags =
        EntityTags.fromBytes(
            storage.read(KINDS).orElseThrow(() -> new PluginException("no stored entity kinds")));
    byte[] weights = storage.read(WEIGHTS).orElse(new byte[0]);
    if (weights.length == 0) {
      serve(Optional.empty());
      return;
    }
    FineTunedWeights tuned = FineTunedWeights.fromBytes(weights);
    if (tuned.classes() != tags.size()) {
      throw new PluginException(
          "the stored fine-tuned entity head does not match the stored entity kinds");
    }
    serve(
        Optional.of(
            new Served(
                tags,
                scorer(trainedFrom.graph(), tuned, trainedFrom.tokenizer(settings.maxTokens())))));
  }

  private FineTunedScorer scorer(
      OnnxMl.ModelProto baseModel, FineTunedWeights tuned, HuggingFaceTokenizer tokenizer) {
    return FineTunedModels.scorer(
        baseModel, tuned, tokenizer, ClassifierGraph.Output.TOKENS, settings.int8());
  }

  /** Switches to a new version and releases the previous one's session. */
  private void serve(Optional<Served> next) {
    Optional<Served> previous = served;
    served = next;
    previous.ifPresent(old -> old.scorer().close());
  }

  @Override
  public List<Entity> extract(Message message, List<Entity> previous) {
    Optional<Served> current = served;
    if (current.isEmpty() || message.text().isBlank()) {
      return previous;
    }
    List<Entity> found = entities(message.text(), current.get().tags(), current.get().scorer());
    if (found.isEmpty()) {
      return previous;
    }
    List<Entity> all = new ArrayList<>(previous);
    all.addAll(found);
    return all;
  }

  /** The entities a token head's scorer finds in {@code text}, tagged as {@code tags} say. */
  static List<Entity> entities(String text, EntityTags tags, FineTunedScorer scorer) {
    Encoding encoding = scorer.encode(text);
    List<Entity> entities = new ArrayList<>();
    for (EntityTags.Found entity :
        tags.decode(text, encoding, scorer.tokenProbabilities(encoding))) {
      entities.add(
          new Entity(
              entity.kind().entity(),
              text.substring(entity.start(), entity.end()),
              entity.start(),
              entity.end(),
              Math.round(entity.confidence() * 1e4) / 1e4,
              FineTunedEntityExtractorFactory.ID,
              entity.kind().role(),
              entity.kind().group(),
              List.of()));
    }
    return entities;
  }

  /** Releases this version's session. */
  @Override
  public void close() {
    served.ifPresent(current -> current.scorer().close());
  }
}
