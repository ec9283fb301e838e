package dev.parley.plugins.nlu.finetune;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The BIO tags of a token classifier over entity kinds (entity, role and group together): tag 0 is
 * outside, {@code 2k + 1} begins kind k, {@code 2k + 2} continues it. Tags belong to words as the
 * tokenizer splits them (a word's first token decides; its other tokens continue it), so an entity
 * always covers whole words.
 */
final class EntityTags {

  /** An entity type with its role and group, each possibly {@code null}. */
  record Kind(String entity, String role, String group) {

    Kind {
      Objects.requireNonNull(entity, "entity");
    }

    private String sortKey() {
      return entity
          + '\u0000'
          + (role == null ? "" : role)
          + '\u0000'
          + (group == null ? "" : group);
    }
  }

  /** An entity found: character offsets in the text, its kind and the mean tag probability. */
  record Found(int start, int end, Kind kind, double confidence) {}

  private final List<Kind> kinds;

  EntityTags(List<Kind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /** The kinds annotated in the examples, in a fixed order. */
  static EntityTags of(List<NluExample> examples) {
    TreeSet<Kind> kinds = new TreeSet<>(Comparator.comparing(Kind::sortKey));
    for (NluExample example : examples) {
      for (EntityAnnotation annotation : example.entities()) {
        kinds.add(new Kind(annotation.entity(), annotation.role(), annotation.group()));
      }
    }
    return new EntityTags(new ArrayList<>(kinds));
  }

  List<Kind> kinds() {
    return kinds;
  }

  /** The number of tags. */
  int size() {
    return 1 + 2 * kinds.size();
  }

  /** Each token's tag for a training example tokenized as {@code encoding}. */
  int[] tagsOf(NluExample example, Encoding encoding) {
    CharSpan[] spans = encoding.getCharTokenSpans();
    long[] words = encoding.getWordIds();
    int[] tags = new int[spans.length];
    CharOffsets offsets = new CharOffsets(example.text());
    List<EntityAnnotation> started = new ArrayList<>();
    for (int t = 0; t < spans.length; t++) {
      if (spans[t] == null || words[t] < 0) {
        continue;
      }
      boolean continuesWord = t > 0 && words[t - 1] == words[t];
      if (continuesWord) {
        tags[t] = tags[t - 1] == 0 ? 0 : inside(tags[t - 1]);
        continue;
      }
      int start = offsets.toChars(spans[t].getStart());
      int end = offsets.toChars(spans[t].getEnd());
      Optional<EntityAnnotation> covering = covering(example.entities(), start, end);
      if (covering.isPresent()) {
        int kind = indexOf(covering.get());
        boolean begins = !started.contains(covering.get());
        started.add(covering.get());
        tags[t] = begins ? 2 * kind + 1 : 2 * kind + 2;
      }
    }
    return tags;
  }

  private static Optional<EntityAnnotation> covering(
      List<EntityAnnotation> annotations, int start, int end) {
    return annotations.stream().filter(a -> a.start() < end && start < a.end()).findFirst();
  }

  private int indexOf(EntityAnnotation annotation) {
    int index = kinds.indexOf(new Kind(annotation.entity(), annotation.role(), annotation.group()));
    if (index < 0) {
      throw new IllegalArgumentException("unknown entity kind " + annotation.entity());
    }
    return index;
  }

  private static int inside(int tag) {
    return tag % 2 == 1 ? tag + 1 : tag;
  }

  /**
   * The entities the token probabilities describe: a word takes the most probable tag of its first
   * token; an entity begins at a word tagged B, or I after a word of another kind, and runs over
   * the following words tagged I of its kind.
   */
  List<Found> decode(String text, Encoding encoding, float[][] probabilities) {
    CharSpan[] spans = encoding.getCharTokenSpans();
    long[] words = encoding.getWordIds();
    CharOffsets offsets = new CharOffsets(text);
    List<Found> found = new ArrayList<>();
    int openKind = -1;
    int openStart = 0;
    int openEnd = 0;
    double probabilitySum = 0;
    int openWords = 0;
    for (int t = 0; t < spans.length && t < probabilities.length; t++) {
      if (spans[t] == null || words[t] < 0) {
        continue;
      }
      int end = offsets.toChars(spans[t].getEnd());
      if (t > 0 && words[t - 1] == words[t]) {
        if (openKind >= 0) {
          openEnd = Math.max(openEnd, end);
        }
        continue;
      }
      int tag = argmax(probabilities[t]);
      int kind = tag == 0 ? -1 : (tag - 1) / 2;
      boolean begins = tag % 2 == 1;
      if (openKind >= 0 && (kind != openKind || begins)) {
        found.add(new Found(openStart, openEnd, kinds.get(openKind), probabilitySum / openWords));
        openKind = -1;
      }
      if (kind < 0) {
        continue;
      }
      if (openKind < 0) {
        openKind = kind;
        openStart = offsets.toChars(spans[t].getStart());
        probabilitySum = 0;
        openWords = 0;
      }
      openEnd = end;
      probabilitySum += probabilities[t][tag];
      openWords++;
    }
    if (openKind >= 0) {
      found.add(new Found(openStart, openEnd, kinds.get(openKind), probabilitySum / openWords));
    }
    return found;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The serialised form. */
  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(kinds.size());
      for (Kind kind : kinds) {
        out.writeUTF(kind.entity());
        out.writeUTF(kind.role() == null ? "" : kind.role());
        out.writeUTF(kind.group() == null ? "" : kind.group());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads the serialised form. */
  static EntityTags fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int count = in.readInt();
      List<Kind> kinds = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String entity = in.readUTF();
        String role = in.readUTF();
        String group = in.readUTF();
        kinds.add(new Kind(entity, role.isEmpty() ? null : role, group.isEmpty() ? null : group));
      }
      return new EntityTags(kinds);
    } catch (IOException e) {
      throw new PluginException("the stored entity kinds are not readable", e);
    }
  }

  /**
   * The tokenizer counts characters as Unicode code points; Java strings count UTF-16 units. This
   * converts the former to the latter (the same numbers unless the text has supplementary
   * characters such as emoji).
   */
  private static final class CharOffsets {
    private final String text;
    private final boolean simple;

    CharOffsets(String text) {
      this.text = text;
      this.simple = text.codePoints().count() == text.length();
    }

    int toChars(int codePoints) {
      if (simple) {
        return codePoints;
      }
      return text.offsetByCodePoints(
          0, Math.min(codePoints, text.codePointCount(0, text.length())));
    }
  }
}
