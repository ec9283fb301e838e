package dev.parley.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseGeneratorTest {

  private static final List<String> ENGLISH =
      List.of(
          "Please book a table for two people tomorrow.",
          "What is the balance of my account?",
          "Thanks, I want to cancel my card because it was stolen.",
          "Play some relaxing music in the living room",
          "Show me flights from Boston to Denver on Monday morning");

  private static final List<String> CHINESE =
      List.of("我想查一下明天的天气。", "帮我订一张去上海的机票吧", "这个电话号码是多少呢？", "我要买两张电影票", "现在几点了？");

  @Test
  void theSameSeedGivesTheSameSetAndAnotherSeedAnother() {
    assertEquals(
        new NoiseGenerator(1).noisy(ENGLISH, "en"), new NoiseGenerator(1).noisy(ENGLISH, "en"));
    assertEquals(
        new NoiseGenerator(1).noisy(CHINESE, "zh"), new NoiseGenerator(1).noisy(CHINESE, "zh"));
    assertNotEquals(
        new NoiseGenerator(1).noisy(ENGLISH, "en"), new NoiseGenerator(2).noisy(ENGLISH, "en"));
  }

  @Test
  void mostSentencesChangeButStayClose() {
    for (String language : List.of("en", "zh")) {
      List<String> clean = language.equals("en") ? ENGLISH : CHINESE;
      int changed = 0;
      for (long seed = 0; seed < 20; seed++) {
        List<String> noisy = new NoiseGenerator(seed).noisy(clean, language);
        for (int i = 0; i < clean.size(); i++) {
          changed += noisy.get(i).equals(clean.get(i)) ? 0 : 1;
          assertTrue(
              Math.abs(noisy.get(i).length() - clean.get(i).length()) < 15,
              clean.get(i) + " -> " + noisy.get(i));
        }
      }
      assertTrue(changed >= 70, language + ": only " + changed + " of 100 changed");
    }
  }

  @Test
  void chineseUsesTheShippedHomophones() {
    boolean homophone = false;
    for (long seed = 0; seed < 50 && !homophone; seed++) {
      String noisy = new NoiseGenerator(seed).noisy("是在这里买票", "zh");
      homophone = noisy.contains("事") || noisy.contains("再") || noisy.contains("卖");
    }
    assertTrue(homophone);
  }
}
