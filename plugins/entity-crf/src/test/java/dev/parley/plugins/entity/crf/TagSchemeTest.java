package dev.parley.plugins.entity.crf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugins.entity.crf.TagScheme.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagSchemeTest {

  private static final EntityKind CITY_FROM = new EntityKind("city", "departure", null);
  private static final EntityKind SIZE = new EntityKind("size", null, "1");

  @Test
  void bilouRoundTripsAndKeepsRolesAndGroups() {
    List<Span> spans = List.of(new Span(1, 3, CITY_FROM), new Span(5, 5, SIZE));
    List<String> tags = new TagScheme(TagScheme.Style.BILOU).encode(7, spans);
    assertEquals("B-city\tdeparture\t", tags.get(1));
    assertEquals("L-city\tdeparture\t", tags.get(3));
    assertEquals("U-size\t\t1", tags.get(5));
    assertEquals(spans, TagScheme.decode(tags));
  }

  @Test
  void bioRoundTripsAndDecodingIsLenient() {
    List<Span> spans = List.of(new Span(0, 1, CITY_FROM), new Span(2, 2, SIZE));
    List<String> tags = new TagScheme(TagScheme.Style.BIO).encode(3, spans);
    assertEquals(spans, TagScheme.decode(tags));
    assertEquals(
        List.of(new Span(1, 2, SIZE)),
        TagScheme.decode(List.of("O", "I-size\t\t1", "I-size\t\t1")));
  }

  @Test
  void ioTagsMarkEveryTokenAlike() {
    List<Span> spans = List.of(new Span(0, 1, CITY_FROM), new Span(3, 3, SIZE));
    List<String> tags = new TagScheme(TagScheme.Style.IO).encode(4, spans);
    assertEquals(List.of("I-city\tdeparture\t", "I-city\tdeparture\t", "O", "I-size\t\t1"), tags);
    assertEquals(spans, TagScheme.decode(tags));
  }

  @Test
  void tokensSplitWordsPunctuationAndHanCharacters() {
    assertEquals(
        List.of(
            new Token("fly", 0, 3),
            new Token("to", 4, 6),
            new Token("Oslo", 7, 11),
            new Token("!", 11, 12)),
        Tokenizer.tokenize("fly to Oslo!"));
    assertEquals(
        List.of(new Token("听", 0, 1), new Token("tfboys", 1, 7), new Token("的", 7, 8)),
        Tokenizer.tokenize("听tfboys的"));
  }
}
