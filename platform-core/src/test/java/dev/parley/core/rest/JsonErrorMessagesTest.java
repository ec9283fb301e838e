package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.core.json.Json;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages about bad JSON bodies name the field or the syntax problem, never a Java type. */
class JsonErrorMessagesTest {

  /** The fuzzer's leak check (liberty/bench/fuzz.js). */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\b(java|javax|jakarta|com\\.ibm|org\\.(apache|hibernate|infinispan|eclipse|h2)"
              + "|dev\\.parley)\\.[a-z]|Exception|`|StreamReadConstraints");

  /** A request body's shape. */
  record Body(String sender, String message, List<Integer> numbers) {}

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"sender\": {}, \"message\": \"x\"}",
        "{\"sender\": \"x\", \"unknown\": 1}",
        "[1]",
        "\"x\"",
        "{\"numbers\": [1, \"a\"]}",
        "{\"sender\": ",
        "{'sender': 'x'}",
        "{\"sender\": \"\u0001\"}",
        "{\"numbers\": [1e999999999]}",
      })
  void noTypeNames(String body) {
    for (ObjectMapper mapper : List.of(Json.mapper(), new ObjectMapper())) {
      try {
        mapper.readValue(body, Body.class);
      } catch (JsonProcessingException e) {
        String message = JsonErrorMessages.describe(e);
        assertFalse(LEAK.matcher(message).find(), message + " <- " + e.getOriginalMessage());
        assertTrue(message.startsWith("the request body"), message);
        continue;
      }
      if (mapper != Json.mapper()) {
        fail("parsed: " + body);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1001, 5000})
  void deepNestingNamesNoParserSetting(int depth) {
    String body = "[".repeat(depth) + "]".repeat(depth);
    try {
      Json.mapper().readTree(body);
      fail("parsed a nesting of " + depth);
    } catch (JsonProcessingException e) {
      String message = JsonErrorMessages.describe(e);
      assertFalse(LEAK.matcher(message).find(), message);
    }
  }
}
