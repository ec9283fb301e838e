package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestDomains;
import dev.parley.plugin.nlu.ParseResult;
import org.junit.jupiter.api.Test;

class PayloadParserTest {

  @Test
  void buttonPayloadGivesIntentAndEntities() {
    ParseResult result =
        PayloadParser.parse("/inform{\"size\": \"large\"}", TestDomains.food()).orElseThrow();
    assertEquals("inform", result.intent().name());
    assertEquals(1.0, result.intent().confidence());
    assertEquals("size", result.entities().get(0).entity());
    assertEquals("large", result.entities().get(0).value());
  }

  @Test
  void unknownIntentsAndPlainTextAreNotPayloads() {
    assertTrue(PayloadParser.parse("/dance", TestDomains.food()).isEmpty());
    assertTrue(PayloadParser.parse("hello", TestDomains.food()).isEmpty());
    assertTrue(PayloadParser.parse("/inform{bad json", TestDomains.food()).isEmpty());
  }
}
