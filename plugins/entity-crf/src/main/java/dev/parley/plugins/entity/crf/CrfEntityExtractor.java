package dev.parley.plugins.entity.crf;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.entity.crf.TagScheme.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFTrainer;
import org.tribuo.classification.sgd.crf.Chunk;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

/**
 * A linear-chain CRF over the tokens of a message (Tribuo's {@link CRFTrainer}, AdaGrad, the
 * weights averaged over the last epochs by {@link TailAveraging}), trained from the {@code
 * [value](entity)} annotations with IO, BIO or BILOU tags whose names carry the entity's role and
 * group. Tags come from Viterbi decoding; entities come out with the surface text as value and, as
 * confidence, the probability of the whole span under the model (constrained forward-backward, one
 * pass per entity). The examples are trained in a {@link TrainingOrder} that depends on their
 * content only, shuffled with the settings' seed. Besides the token features, a {@link Gazetteer}
 * of the annotated values marks tokens inside values seen in training. The model (gazetteer plus
 * Tribuo's protobuf model, see {@link TrainedCrf}) is stored through the model storage.
 */
final class CrfEntityExtractor implements EntityExtractor, Trainable {

  static final String MODEL = "crf.tribuo";
  private static final LabelFactory LABELS = new LabelFactory();

  private final TagScheme scheme;
  private final TokenFeatures features;
  private final CrfSettings settings;
  private volatile Optional<TrainedCrf> model = Optional.empty();

  CrfEntityExtractor(CrfSettings settings) {
    this.settings = settings;
    this.scheme = new TagScheme(settings.style());
    this.features = new TokenFeatures(settings.window());
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    List<List<Token>> sentences = new ArrayList<>();
    List<List<Span>> annotations = new ArrayList<>();
    Gazetteer.Builder values = new Gazetteer.Builder();
    boolean anyEntity = false;
    for (NluExample example : TrainingOrder.canonical(data.examples())) {
      List<Token> tokens = Tokenizer.tokenize(example.text());
      if (tokens.isEmpty()) {
        continue;
      }
      anyEntity |= !example.entities().isEmpty();
      List<Span> spans = spans(tokens, example.entities());
      spans.forEach(span -> values.add(tokens, span));
      sentences.add(tokens);
      annotations.add(spans);
    }
    if (!anyEntity) {
      model = Optional.empty();
      storage.write(MODEL, new byte[0]);
      return;
    }
    Gazetteer gazetteer = values.build();
    MutableSequenceDataset<Label> dataset =
        new MutableSequenceDataset<>(
            new SimpleDataSourceProvenance("nlu examples", LABELS), LABELS);
    for (int s = 0; s < sentences.size(); s++) {
      List<Token> tokens = sentences.get(s);
      List<Span> spans = annotations.get(s);
      List<Label> tags = scheme.encode(tokens.size(), spans).stream().map(Label::new).toList();
      dataset.add(
          new SequenceExample<>(tags, features.of(tokens, gazetteer.features(tokens, spans))));
    }
    CRFTrainer trainer =
        new CRFTrainer(
            optimiser(settings, dataset.size()),
            settings.epochs(),
            Integer.MAX_VALUE,
            settings.batchSize(),
            settings.seed());
    TrainedCrf trained = new TrainedCrf(trainer.train(dataset, Map.of()), gazetteer);
    storage.write(MODEL, trained.toBytes());
    model = Optional.of(trained);
  }

  /** AdaGrad, wrapped in {@link TailAveraging} when the settings average the last epochs. */
  static StochasticGradientOptimiser optimiser(CrfSettings settings, int examples) {
    AdaGrad adaGrad = new AdaGrad(settings.learningRate(), 1e-6);
    return settings.averagedEpochs() == 0
        ? adaGrad
        : new TailAveraging(adaGrad, settings.stepsBeforeAveraging(examples));
  }

  @Override
  public void load(ModelStorage storage) {
    byte[] bytes =
        storage.read(MODEL).orElseThrow(() -> new PluginException("no stored CRF model"));
    model = bytes.length == 0 ? Optional.empty() : Optional.of(TrainedCrf.fromBytes(bytes));
  }

  @Override
  public List<Entity> extract(Message message, List<Entity> previous) {
    Optional<TrainedCrf> current = model;
    List<Token> tokens = Tokenizer.tokenize(message.text());
    if (current.isEmpty() || tokens.isEmpty()) {
      return previous;
    }
    CRFModel crf = current.get().crf();
    SequenceExample<Label> example =
        SequenceExample.createWithEmptyOutputs(
            features.of(tokens, current.get().gazetteer().features(tokens)), LABELS);
    List<Prediction<Label>> predictions = crf.predict(example);
    List<String> tags = predictions.stream().map(p -> p.getOutput().getLabel()).toList();
    List<Span> spans = TagScheme.decode(tags);
    if (spans.isEmpty()) {
      return previous;
    }
    List<Double> confidences = crf.scoreChunks(example, chunks(spans, tags, crf.getOutputIDInfo()));
    List<Entity> all = new ArrayList<>(previous);
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      int start = tokens.get(span.first()).start();
      int end = tokens.get(span.last()).end();
      all.add(
          new Entity(
              span.kind().entity(),
              message.text().substring(start, end),
              start,
              end,
              round(confidences.get(i)),
              CrfEntityExtractorFactory.ID,
              span.kind().role(),
              span.kind().group(),
              List.of()));
    }
    return all;
  }

  /** The token spans of the annotations: every token that overlaps an annotation belongs to it. */
  private static List<Span> spans(List<Token> tokens, List<EntityAnnotation> annotations) {
    List<Span> spans = new ArrayList<>();
    for (EntityAnnotation annotation : annotations) {
      int first = -1;
      int last = -1;
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        if (token.start() < annotation.end() && annotation.start() < token.end()) {
          first = first < 0 ? i : first;
          last = i;
        }
      }
      if (first >= 0) {
        spans.add(
            new Span(
                first,
                last,
                new EntityKind(annotation.entity(), annotation.role(), annotation.group())));
      }
    }
    return spans;
  }

  private static List<Chunk> chunks(
      List<Span> spans, List<String> tags, ImmutableOutputInfo<Label> labels) {
    List<Chunk> chunks = new ArrayList<>();
    for (Span span : spans) {
      int[] ids = new int[span.last() - span.first() + 1];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = labels.getID(new Label(tags.get(span.first() + i)));
      }
      chunks.add(new Chunk(span.first(), ids));
    }
    return chunks;
  }

  private static double round(double confidence) {
    double bounded = Double.isNaN(confidence) ? 0.0 : Math.max(0.0, Math.min(1.0, confidence));
    return Math.round(bounded * 10000.0) / 10000.0;
  }
}
