package dev.parley.core.actionserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.json.Json;

/** Reads a 400 answer, {@code {"action_name", "error"}}. */
final class ActionServerRejection {

  private ActionServerRejection() {}

  /** The {@code error} text, or the body when it is not the expected JSON. */
  static String error(String body) {
    try {
      return Json.mapper().readTree(body).path("error").asText(body);
    } catch (JsonProcessingException | RuntimeException e) {
      return String.valueOf(body);
    }
  }
}
