package dev.parley.plugins.nlu.dense;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.parley.plugin.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretrained sentence-embedding model from LangChain4j's model jars (the ONNX file and its
 * tokenizer, read as resources; nothing is downloaded), run by ONNX Runtime with one intra-op
 * thread and the Hugging Face tokenizer. One instance per model and server (the native session is
 * shared by every bot and never closed), created on first use. Embeddings are L2-normalised.
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
  private final int dimension;

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
    this.dimension = embed("hello").length;
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

  /** The L2-normalised embedding of a text. */
  public float[] embed(String text) {
    Encoding encoding = tokenizer.encode(text);
    long[] ids = encoding.getIds();
    long[] mask = encoding.getAttentionMask();
    long[] shape = {1, ids.length};
    Map<String, OnnxTensor> inputs = new HashMap<>(4);
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor =
            typeIds
                ? OnnxTensor.createTensor(env, LongBuffer.wrap(encoding.getTypeIds()), shape)
                : null) {
      inputs.put("input_ids", idTensor);
      inputs.put("attention_mask", maskTensor);
      if (typeTensor != null) {
        inputs.put("token_type_ids", typeTensor);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
        return normalise(pool(tokens, mask));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
    }
  }

  /** Embeds several texts, on the caller's thread and the common pool. */
  public List<float[]> embedAll(List<String> texts) {
    return texts.parallelStream().map(this::embed).toList();
  }

  private float[] pool(float[][] tokens, long[] mask) {
    if (!model.meanPooling) {
      return tokens[0].clone();
    }
    float[] sum = new float[tokens[0].length];
    int count = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] != 0) {
        count++;
        for (int d = 0; d < sum.length; d++) {
          sum[d] += tokens[t][d];
        }
      }
    }
    for (int d = 0; d < sum.length; d++) {
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
