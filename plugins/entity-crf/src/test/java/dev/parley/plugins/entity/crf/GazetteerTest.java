package dev.parley.plugins.entity.crf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugins.entity.crf.TagScheme.Span;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static final EntityKind CITY = new EntityKind("city", null, null);

  private static Gazetteer newYorkAndOslo() {
    List<Token> first = Tokenizer.tokenize("fly to New York");
    List<Token> second = Tokenizer.tokenize("fly to Oslo");
    return new Gazetteer.Builder()
        .add(first, new Span(2, 3, CITY))
        .add(second, new Span(2, 2, CITY))
        .build();
  }

  @Test
  void aKnownValueFiresWithItsTypeAndAnUnknownOneDoesNot() {
    List<Set<String>> features =
        newYorkAndOslo().features(Tokenizer.tokenize("from new york to Lima"));
    assertEquals(
        List.of(Set.of(), Set.of("gaz.B=city"), Set.of("gaz.I=city"), Set.of(), Set.of()),
        features);
  }

  @Test
  void aTrainingSentenceDoesNotSeeItsOwnAnnotation() {
    Gazetteer gazetteer = newYorkAndOslo();
    List<Token> tokens = Tokenizer.tokenize("fly to Oslo");
    assertEquals(
        List.of(Set.of(), Set.of(), Set.of()),
        gazetteer.features(tokens, List.of(new Span(2, 2, CITY))));
    assertEquals(List.of(Set.of(), Set.of(), Set.of("gaz.B=city")), gazetteer.features(tokens));
  }

  @Test
  void roundTripsThroughItsStoredForm() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      newYorkAndOslo().writeTo(out);
    }
    Gazetteer read =
        Gazetteer.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    List<Token> tokens = Tokenizer.tokenize("new york or oslo");
    assertEquals(newYorkAndOslo().features(tokens), read.features(tokens));
  }
}
