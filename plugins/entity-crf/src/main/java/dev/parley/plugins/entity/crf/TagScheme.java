package dev.parley.plugins.entity.crf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns entity spans into one tag per token and back, with IO tags ({@code I-x O}: fewest labels,
 * so the fastest CRF; two touching entities of the same kind merge), BIO tags ({@code B-x I-x O})
 * or BILOU tags (which add {@code L-x} for the last and {@code U-x} for a one-token entity).
 * Decoding is lenient: an {@code I} or {@code L} that does not continue an open entity starts one.
 */
final class TagScheme {

  static final String OUTSIDE = "O";

  /** The tag styles. */
  enum Style {
    IO,
    BIO,
    BILOU
  }

  private final Style style;

  TagScheme(Style style) {
    this.style = style;
  }

  /**
   * A token span of one entity.
   *
   * @param first first token, inclusive
   * @param last last token, inclusive
   * @param kind what the span is
   */
  record Span(int first, int last, EntityKind kind) {}

  List<String> encode(int tokenCount, List<Span> spans) {
    String[] tags = new String[tokenCount];
    Arrays.fill(tags, OUTSIDE);
    for (Span span : spans) {
      boolean free = true;
      for (int i = span.first(); i <= span.last(); i++) {
        free &= tags[i].equals(OUTSIDE);
      }
      if (!free) {
        continue;
      }
      String key = span.kind().encode();
      for (int i = span.first(); i <= span.last(); i++) {
        String prefix;
        if (style == Style.IO) {
          prefix = "I";
        } else if (style == Style.BIO) {
          prefix = i == span.first() ? "B" : "I";
        } else if (span.first() == span.last()) {
          prefix = "U";
        } else if (i == span.first()) {
          prefix = "B";
        } else {
          prefix = i == span.last() ? "L" : "I";
        }
        tags[i] = prefix + "-" + key;
      }
    }
    return List.of(tags);
  }

  static List<Span> decode(List<String> tags) {
    List<Span> spans = new ArrayList<>();
    int open = -1;
    String openKey = null;
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      char prefix = tag.charAt(0);
      String key = tag.length() > 2 ? tag.substring(2) : null;
      boolean continues = (prefix == 'I' || prefix == 'L') && open >= 0 && key.equals(openKey);
      if (!continues) {
        close(spans, open, i - 1, openKey);
        open = -1;
        openKey = null;
        if (prefix != 'O') {
          open = i;
          openKey = key;
        }
      }
      if (prefix == 'U' || prefix == 'L') {
        close(spans, open, i, openKey);
        open = -1;
        openKey = null;
      }
    }
    close(spans, open, tags.size() - 1, openKey);
    return spans;
  }

  private static void close(List<Span> spans, int first, int last, String key) {
    if (first >= 0) {
      spans.add(new Span(first, last, EntityKind.decode(key)));
    }
  }
}
