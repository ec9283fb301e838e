package dev.parley.plugins.nlu.dense;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.parley.plugin.PluginException;
import dev.parley.plugins.nlu.support.BatchSettings;
import dev.parley.plugins.nlu.support.MicroBatcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretrained sentence-embedding model from LangChain4j's model jars (the ONNX file and its
 * tokenizer, read as resources; nothing is downloaded), run by ONNX Runtime with one intra-op
 * thread and the Hugging Face tokenizer. One instance per model and server (the native session is
 * shared by every bot and never closed), created on first use. Embeddings are L2-normalised.
 * Concurrent calls can be micro-batched into one run, padded to the batch's longest input ({@code
 * PARLEY_NLU_BATCH_SIZE}, off by default: the quantized models' batched embeddings are close to,
 * not equal to, the single-run ones, so answers would depend on concurrent load).
 */
public final class SentenceEncoder {

  /** The models Parley ships. */
  public enum Model {
    /** all-MiniLM-L6-v2, quantized: English, 384 dimensions, mean pooling. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", true),
    /** bge-small-zh-v1.5, quantized: Chinese, 512 dimensions, CLS pooling. */
    BGE_SMALL_ZH_V15_Q("bge-small-zh-v1.5-q", "bge-small-zh-v1.5-q", false),
    /** bge-small-en-v1.5, quantized: English, 384 dimensions, CLS pooling. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q", false);

    private final String id;
    private final String resource;
    private final boolean meanPooling;

    Model(String id, String resource, boolean meanPooling) {
      this.id = id;
      this.resource = resource;
      this.meanPooling = meanPooling;
    }

    /** The name used in configuration and stored with a trained model. */
    public String id() {
      return id;
    }

    /** The model for a configured name, or {@code auto} for the bot's language. */
    public static Model choose(String configured, String language) {
      if (configured == null || configured.equals("auto")) {
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        return lang.startsWith("zh") ? BGE_SMALL_ZH_V15_Q : ALL_MINILM_L6_V2_Q;
      }
      return byId(configured)
          .orElseThrow(() -> new PluginException("unknown embedding model '" + configured + "'"));
    }

    /** The model of that name, if Parley ships it. */
    public static Optional<Model> byId(String id) {
      for (Model model : values()) {
        if (model.id.equals(id)) {
          return Optional.of(model);
        }
      }
      return Optional.empty();
    }
  }

  private static final Map<Model, SentenceEncoder> LOADED = new ConcurrentHashMap<>();

  private final Model model;
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final String output;
  private final int dimension;
  private final Optional<MicroBatcher<Encoding, float[]>> batcher;

  private SentenceEncoder(Model model) throws OrtException, IOException {
    this.model = model;
    ClassLoader loader = SentenceEncoder.class.getClassLoader();
    try (InputStream onnx = resource(loader, model.resource + ".onnx");
        InputStream tokens = resource(loader, model.resource + "-tokenizer.json");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(onnx.readAllBytes(), options);
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              tokens, Map.of("padding", "false", "truncation", "true", "maxLength", "256"));
    }
    this.typeIds = session.getInputNames().contains("token_type_ids");
    this.output = session.getOutputNames().iterator().next();
    this.dimension = embedAlone("hello").length;
    BatchSettings settings = BatchSettings.configured();
    this.batcher =
        settings.enabled()
            ? Optional.of(new MicroBatcher<>(this::run, settings))
            : Optional.empty();
  }

  /** The shared encoder of a model, loaded on first use. */
  public static SentenceEncoder of(Model model) {
    return LOADED.computeIfAbsent(
        model,
        m -> {
          try {
            return new SentenceEncoder(m);
          } catch (OrtException | IOException | RuntimeException e) {
            throw new PluginException(
                "cannot load the embedding model " + m.id() + ": " + e.getMessage(), e);
          }
        });
  }

  /**
   * The shared encoder a stored model recorded it was built with.
   *
   * @param id the recorded model id
   * @param built what was built with it, for the error ("the stored intent model was trained on")
   * @throws PluginException naming the id when this server does not ship that model
   */
  public static SentenceEncoder recorded(String id, String built) {
    return Model.byId(id)
        .map(SentenceEncoder::of)
        .orElseThrow(
            () ->
                new PluginException(
                    built + " " + id + ", which this server does not have; retrain the bot"));
  }

  /** Which model this is. */
  public Model model() {
    return model;
  }

  /** Length of the embeddings. */
  public int dimension() {
    return dimension;
  }

  /**
   * The L2-normalised embedding of a text. With batching on ({@link BatchSettings}), concurrent
   * calls are gathered into one ONNX Runtime run ({@link MicroBatcher}); a call alone runs at once.
   */
  public float[] embed(String text) {
    Encoding encoding = tokenizer.encode(text);
    return batcher.isPresent() ? batcher.get().submit(encoding) : run(List.of(encoding)).get(0);
  }

  /** The embedding of a text in a run of its own (no batching). */
  public float[] embedAlone(String text) {
    return run(List.of(tokenizer.encode(text))).get(0);
  }

  /** The embeddings of texts in one ONNX Runtime run, padded to the longest. */
  public List<float[]> embedBatch(List<String> texts) {
    return run(texts.stream().map(tokenizer::encode).toList());
  }

  /**
   * Embeds several texts (training examples), on the caller's thread and the common pool, each in a
   * run of its own: a trained model does not depend on how its examples happened to be batched.
   */
  public List<float[]> embedAll(List<String> texts) {
    return texts.parallelStream().map(this::embedAlone).toList();
  }

  /** A new micro-batcher in front of this model, with other settings (tests, benchmarks). */
  public MicroBatcher<Encoding, float[]> newBatcher(BatchSettings settings) {
    return new MicroBatcher<>(this::run, settings);
  }

  /** The embedding of a text through the given batcher of this model. */
  public float[] embed(String text, MicroBatcher<Encoding, float[]> through) {
    return through.submit(tokenizer.encode(text));
  }

  /** The micro-batcher in front of the model, unless batching is off (the default). */
  public Optional<MicroBatcher<Encoding, float[]>> batcher() {
    return batcher;
  }

  /** One run of the model over encodings padded to the longest; their embeddings in order. */
  private List<float[]> run(List<Encoding> encodings) {
    int rows = encodings.size();
    int length = 0;
    for (Encoding encoding : encodings) {
      length = Math.max(length, encoding.getIds().length);
    }
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    long[] types = typeIds ? new long[rows * length] : null;
    for (int r = 0; r < rows; r++) {
      Encoding encoding = encodings.get(r);
      int n = encoding.getIds().length;
      System.arraycopy(encoding.getIds(), 0, ids, r * length, n);
      System.arraycopy(encoding.getAttentionMask(), 0, mask, r * length, n);
      if (types != null) {
        System.arraycopy(encoding.getTypeIds(), 0, types, r * length, n);
      }
    }
    long[] shape = {rows, length};
    Map<String, OnnxTensor> inputs = new HashMap<>(4);
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor =
            types != null ? OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape) : null) {
      inputs.put("input_ids", idTensor);
      inputs.put("attention_mask", maskTensor);
      if (typeTensor != null) {
        inputs.put("token_type_ids", typeTensor);
      }
      try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
        FloatBuffer tokens = ((OnnxTensor) result.get(0)).getFloatBuffer();
        int width = tokens.capacity() / (rows * length);
        List<float[]> embeddings = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
          embeddings.add(normalise(pool(tokens, r, length, width, mask)));
        }
        return embeddings;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
    }
  }

  /** Mean of the row's unmasked token vectors, or its first (CLS) token's vector. */
  private float[] pool(FloatBuffer tokens, int row, int length, int width, long[] mask) {
    float[] sum = new float[width];
    int first = row * length;
    if (!model.meanPooling) {
      tokens.get(first * width, sum);
      return sum;
    }
    float[] token = new float[width];
    int count = 0;
    for (int t = 0; t < length; t++) {
      if (mask[first + t] != 0) {
        count++;
        tokens.get((first + t) * width, token);
        for (int d = 0; d < width; d++) {
          sum[d] += token[d];
        }
      }
    }
    for (int d = 0; d < width; d++) {
      sum[d] /= Math.max(1, count);
    }
    return sum;
  }

  private static float[] normalise(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
    for (int d = 0; d < vector.length; d++) {
      vector[d] *= scale;
    }
    return vector;
  }

  private static InputStream resource(ClassLoader loader, String name) throws IOException {
    InputStream in = loader.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path (is the model jar installed?)");
    }
    return in;
  }
}
