package dev.parley.plugins.nlu.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

class LinearHeadTest {

  private static final List<String> SONGS =
      List.of(
          "yesterday",
          "imagine",
          "hallelujah",
          "thriller",
          "wonderwall",
          "creep",
          "hurt",
          "jolene",
          "respect",
          "vogue",
          "angie",
          "layla",
          "roxanne",
          "zombie",
          "halo",
          "toxic",
          "hello",
          "believe",
          "dreams",
          "faith");

  @Test
  void classWeightsGrowWithRarityUpToTheCap() {
    LinearHead.Settings settings = new LinearHead.Settings(1, 0.1, 0.5, 3);
    List<String> intents = new ArrayList<>();
    for (int i = 0; i < 36; i++) {
      intents.add("common");
    }
    intents.addAll(List.of("rare", "rare", "rare", "rare", "tiny"));
    Map<Label, Float> weights = settings.classWeights(intents);
    assertEquals(1f, weights.get(new Label("common")), 1e-6);
    assertEquals(3f, weights.get(new Label("rare")), 1e-6); // sqrt(36 / 4)
    assertEquals(3f, weights.get(new Label("tiny")), 1e-6); // sqrt(36) capped
    assertTrue(
        new LinearHead.Settings(1, 0.1)
            .classWeights(intents).values().stream().allMatch(w -> w == 1f));
  }

  @Test
  void balancedClassWeightsRaiseTheRecallOfARareIntent() {
    List<String> texts = new ArrayList<>();
    List<String> intents = new ArrayList<>();
    for (String song : SONGS) {
      texts.add("play " + song + " for me");
      intents.add("play_music");
      texts.add("please play " + song);
      intents.add("play_music");
    }
    texts.addAll(List.of("play the radio for me", "please play some radio"));
    intents.addAll(List.of("play_radio", "play_radio"));
    List<String> heldOut =
        List.of(
            "play radio",
            "play a radio station",
            "radio please",
            "play radio for me",
            "put the radio on",
            "please play radio one");

    int plain = recall(texts, intents, heldOut, new LinearHead.Settings(1, 0.01));
    int balanced = recall(texts, intents, heldOut, new LinearHead.Settings(1, 0.01, 1, 100));
    assertTrue(balanced > plain, "balanced " + balanced + " vs plain " + plain);
  }

  private static int recall(
      List<String> texts,
      List<String> intents,
      List<String> heldOut,
      LinearHead.Settings settings) {
    FeatureSpace space = FeatureSpace.fit(texts, new NgramFeaturizer(1, 2, 1, 4), true, true);
    LinearHead head =
        LinearHead.train(
            intents, texts.stream().map(space::vector).toList(), null, space, 0, settings);
    int hits = 0;
    for (String text : heldOut) {
      Label predicted =
          head.model()
              .predict(
                  LinearHead.example(
                      LabelFactory.UNKNOWN_LABEL, space, space.vector(text), null, 0))
              .getOutput();
      if (predicted.getLabel().equals("play_radio")) {
        hits++;
      }
    }
    return hits;
  }
}
