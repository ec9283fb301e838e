package dev.parley.core.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.cluster.CacheNode;
import dev.parley.core.cluster.ClusterSettings;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParseCacheTest {

  private CacheNode node;

  @BeforeEach
  void start() {
    node = new CacheNode(ClusterSettings.NONE);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private static ParseResult result(String text, String intent) {
    IntentPrediction prediction = new IntentPrediction(intent, 0.9);
    return new ParseResult(
        text,
        prediction,
        List.of(prediction),
        List.of(
            Entity.of("city", text.substring(8, 13), 8, 13, 0.8, "CRFEntityExtractor"),
            Entity.of("when", "2026-11-26", 14, 22, 1.0, "DucklingEntityExtractor")));
  }

  @Test
  void aNewModelVersionNeverServesTheOldVersionsResults() {
    ParseCache cache = new ParseCache(node, 60, 1000);
    cache.put("acme", "pizza", 1, result("fly to  Paris tomorrow", "book"));
    assertTrue(cache.get("acme", "pizza", 1, "fly to  Paris tomorrow").isPresent());
    assertFalse(cache.get("acme", "pizza", 2, "fly to  Paris tomorrow").isPresent());
    assertFalse(cache.get("acme", "other", 1, "fly to  Paris tomorrow").isPresent());
    cache.put("acme", "pizza", 2, result("fly to  Paris tomorrow", "travel"));
    assertEquals(
        "travel", cache.get("acme", "pizza", 2, "fly to  Paris tomorrow").get().intent().name());
    assertEquals(
        "book", cache.get("acme", "pizza", 1, "fly to  Paris tomorrow").get().intent().name());
  }

  @Test
  void caseAndWhitespaceShareAnEntryWhoseVerbatimValuesFollowTheText() {
    ParseCache cache = new ParseCache(node, 60, 1000);
    cache.put("acme", "pizza", 1, result("fly to  Paris tomorrow", "book"));
    ParseResult hit = cache.get("acme", "pizza", 1, "FLY TO \tPARIS TOMORROW").orElseThrow();
    assertEquals("FLY TO \tPARIS TOMORROW", hit.text());
    assertEquals("PARIS", hit.entities().get(0).value(), "taken from the text");
    assertEquals("2026-11-26", hit.entities().get(1).value(), "a normalised value stays");
    assertFalse(cache.get("acme", "pizza", 1, "fly to Paris tomorrow").isPresent());
  }

  @Test
  void aZeroLifetimeTurnsTheCacheOff() {
    ParseCache cache = new ParseCache(node, 0, 1000);
    cache.put("acme", "pizza", 1, result("fly to  Paris tomorrow", "book"));
    assertFalse(cache.enabled());
    assertFalse(cache.get("acme", "pizza", 1, "fly to  Paris tomorrow").isPresent());
  }
}
