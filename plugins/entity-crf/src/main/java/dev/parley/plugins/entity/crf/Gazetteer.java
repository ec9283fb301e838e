package dev.parley.plugins.entity.crf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The entity values seen in the training annotations, by entity type and count, turned into token
 * features: a token that starts a known value of type {@code T} gets {@code gaz.B=T}, the other
 * tokens of the value get {@code gaz.I=T}. While training, a sentence's own annotations are left
 * out of the counts (leave-one-out), so that the CRF learns how far a match from other sentences
 * can be trusted instead of learning that a match always is an entity.
 */
final class Gazetteer {

  private static final String JOIN = " ";
  private static final int MAX_TOKENS = 12;

  private final Map<String, Map<String, Integer>> counts;
  private final int longest;

  private Gazetteer(Map<String, Map<String, Integer>> counts) {
    this.counts = counts;
    int max = 0;
    for (String key : counts.keySet()) {
      max = Math.max(max, key.split(JOIN, -1).length);
    }
    this.longest = Math.min(max, MAX_TOKENS);
  }

  /** Collects annotated values while training. */
  static final class Builder {
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();

    Builder add(List<Token> tokens, TagScheme.Span span) {
      counts
          .computeIfAbsent(key(tokens, span.first(), span.last() + 1), k -> new HashMap<>())
          .merge(span.kind().entity(), 1, Integer::sum);
      return this;
    }

    Gazetteer build() {
      return new Gazetteer(counts);
    }
  }

  /** The gazetteer features of each token, counting every known value. */
  List<Set<String>> features(List<Token> tokens) {
    return features(tokens, List.of());
  }

  /**
   * The gazetteer features of each token of a training sentence, its own annotated spans left out
   * of the counts.
   */
  List<Set<String>> features(List<Token> tokens, List<TagScheme.Span> own) {
    Map<String, Map<String, Integer>> ownCounts = new HashMap<>();
    for (TagScheme.Span span : own) {
      ownCounts
          .computeIfAbsent(key(tokens, span.first(), span.last() + 1), k -> new HashMap<>())
          .merge(span.kind().entity(), 1, Integer::sum);
    }
    int n = tokens.size();
    List<Set<String>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(new LinkedHashSet<>());
    }
    if (counts.isEmpty()) {
      return all;
    }
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = tokens.get(i).text().toLowerCase(Locale.ROOT);
    }
    for (int first = 0; first < n; first++) {
      StringBuilder key = new StringBuilder();
      for (int end = first + 1; end <= Math.min(n, first + longest); end++) {
        if (end > first + 1) {
          key.append(JOIN);
        }
        key.append(words[end - 1]);
        Map<String, Integer> types = counts.get(key.toString());
        if (types == null) {
          continue;
        }
        Map<String, Integer> mine = ownCounts.getOrDefault(key.toString(), Map.of());
        for (Map.Entry<String, Integer> type : types.entrySet()) {
          if (type.getValue() - mine.getOrDefault(type.getKey(), 0) > 0) {
            all.get(first).add("gaz.B=" + type.getKey());
            for (int i = first + 1; i < end; i++) {
              all.get(i).add("gaz.I=" + type.getKey());
            }
          }
        }
      }
    }
    return all;
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<String, Map<String, Integer>> entry : counts.entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeInt(entry.getValue().size());
      for (Map.Entry<String, Integer> type : entry.getValue().entrySet()) {
        out.writeUTF(type.getKey());
        out.writeInt(type.getValue());
      }
    }
  }

  static Gazetteer readFrom(DataInputStream in) throws IOException {
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("negative gazetteer size");
    }
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (int i = 0; i < size; i++) {
      String key = in.readUTF();
      int types = in.readInt();
      if (types < 0) {
        throw new IOException("negative gazetteer entry size");
      }
      Map<String, Integer> byType = new HashMap<>();
      for (int t = 0; t < types; t++) {
        byType.put(in.readUTF(), in.readInt());
      }
      counts.put(key, byType);
    }
    return new Gazetteer(counts);
  }

  private static String key(List<Token> tokens, int from, int to) {
    StringBuilder key = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        key.append(JOIN);
      }
      key.append(tokens.get(i).text().toLowerCase(Locale.ROOT));
    }
    return key.toString();
  }
}
