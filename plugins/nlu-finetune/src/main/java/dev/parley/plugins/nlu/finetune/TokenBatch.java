package dev.parley.plugins.nlu.finetune;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.List;

/**
 * Token ids and attention mask of several texts, padded with zeros to the longest.
 *
 * @param ids {@code [texts][tokens]}
 * @param mask 1 for a real token, 0 for padding
 */
public record TokenBatch(long[][] ids, long[][] mask) {

  /** Tokenizes texts. */
  public static TokenBatch of(HuggingFaceTokenizer tokenizer, List<String> texts) {
    Encoding[] encodings = tokenizer.batchEncode(texts);
    int length = 1;
    for (Encoding encoding : encodings) {
      length = Math.max(length, encoding.getIds().length);
    }
    long[][] ids = new long[encodings.length][length];
    long[][] mask = new long[encodings.length][length];
    for (int i = 0; i < encodings.length; i++) {
      long[] tokens = encodings[i].getIds();
      System.arraycopy(tokens, 0, ids[i], 0, tokens.length);
      for (int t = 0; t < tokens.length; t++) {
        mask[i][t] = 1;
      }
    }
    return new TokenBatch(ids, mask);
  }

  /** The number of texts. */
  public int size() {
    return ids.length;
  }

  /** The padded length. */
  public int length() {
    return ids[0].length;
  }
}
