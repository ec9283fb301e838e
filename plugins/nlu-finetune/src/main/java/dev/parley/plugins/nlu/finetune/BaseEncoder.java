package dev.parley.plugins.nlu.finetune;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.parley.plugin.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A pretrained encoder to start fine-tuning from: the full-precision ONNX model and tokenizer from
 * LangChain4j's model jars, read as resources (nothing is downloaded).
 */
public enum BaseEncoder {
  /** all-MiniLM-L6-v2: English, 6 layers, 384 dimensions, 12 attention heads. */
  ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2", 12),
  /** bge-small-zh-v1.5: Chinese, 4 layers, 512 dimensions, 8 attention heads. */
  BGE_SMALL_ZH_V15("bge-small-zh-v1.5", "bge-small-zh-v1.5", 8),
  /**
   * bge-small-en-v1.5: English, 12 layers, 384 dimensions, 12 attention heads. Only its 8-bit
   * quantized export ships as a Maven artifact; fine-tuning starts from its dequantized weights.
   */
  BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5-q", 12);

  private final String id;
  private final String resource;
  private final int heads;

  BaseEncoder(String id, String resource, int heads) {
    this.id = id;
    this.resource = resource;
    this.heads = heads;
  }

  /** The name used in configuration and stored with a fine-tuned model. */
  public String id() {
    return id;
  }

  /** The number of attention heads (not recorded in the ONNX file's initializers). */
  public int heads() {
    return heads;
  }

  /** The model for a configured name, or {@code auto} for the bot's language. */
  public static BaseEncoder choose(String configured, String language) {
    if (configured == null || configured.equals("auto")) {
      String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
      return lang.startsWith("zh") ? BGE_SMALL_ZH_V15 : ALL_MINILM_L6_V2;
    }
    return byId(configured)
        .orElseThrow(() -> new PluginException("unknown base encoder '" + configured + "'"));
  }

  /** The model of that name, if Parley ships it. */
  public static Optional<BaseEncoder> byId(String id) {
    for (BaseEncoder model : values()) {
      if (model.id.equals(id)) {
        return Optional.of(model);
      }
    }
    return Optional.empty();
  }

  /**
   * The encoder's ONNX graph in floats (a quantized export is turned back into floats, the same way
   * every time, so fine-tuned weights stored by initializer name fit it again).
   */
  public OnnxMl.ModelProto graph() {
    try {
      return QuantizedGraph.dequantize(OnnxMl.ModelProto.parseFrom(onnx()));
    } catch (InvalidProtocolBufferException e) {
      throw new PluginException("the base encoder " + id + " is not a readable ONNX model", e);
    }
  }

  /** The ONNX model's bytes, as shipped. */
  public byte[] onnx() {
    try (InputStream in = resource(resource + ".onnx")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new PluginException("cannot read the base encoder " + id + ": " + e.getMessage(), e);
    }
  }

  /** A tokenizer truncating to {@code maxTokens}, without padding. */
  public HuggingFaceTokenizer tokenizer(int maxTokens) {
    try (InputStream in = resource(resource + "-tokenizer.json")) {
      return HuggingFaceTokenizer.newInstance(
          in,
          Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(maxTokens)));
    } catch (IOException e) {
      throw new PluginException("cannot read the tokenizer of " + id + ": " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = BaseEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path (is the model jar installed?)");
    }
    return in;
  }
}
