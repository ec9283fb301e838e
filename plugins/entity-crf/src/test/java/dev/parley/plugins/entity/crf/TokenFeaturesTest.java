package dev.parley.plugins.entity.crf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tribuo.Feature;

class TokenFeaturesTest {

  private static Set<String> namesOf(List<Feature> features) {
    return features.stream().map(Feature::getName).collect(Collectors.toSet());
  }

  @Test
  void wordsBeyondTheWindowAreABagAndExtraFeaturesAreAdded() {
    List<Token> tokens = Tokenizer.tokenize("flights from Boston to Denver arriving tonight");
    List<Set<String>> extra =
        List.of(Set.of(), Set.of(), Set.of("gaz.B=city"), Set.of(), Set.of(), Set.of(), Set.of());
    List<List<Feature>> features = new TokenFeatures(2).of(tokens, extra);
    Set<String> boston = namesOf(features.get(2));
    assertTrue(boston.contains("gaz.B=city"), boston.toString());
    assertTrue(boston.contains("pre1=b") && boston.contains("suf4=ston"), boston.toString());
    assertTrue(boston.contains("w+2=denver"), boston.toString());
    assertTrue(boston.contains("R=arriving") && boston.contains("R=tonight"), boston.toString());
    assertFalse(boston.contains("R=denver"), "neighbours in the window are not in the bag");
    assertFalse(namesOf(features.get(3)).contains("gaz.B=city"));
    assertTrue(namesOf(features.get(6)).contains("s0|s1=flights|from"));
  }
}
