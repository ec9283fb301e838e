package dev.parley.core.rest;

import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.turn.IncomingMessage;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks of request fields, each failing with a clear 4xx. */
final class RequestChecks {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final int MAX_SENDER = 255;

  private RequestChecks() {}

  static IncomingMessage message(WebhookRequest request, int maxChars) {
    if (request == null) {
      throw ApiError.badRequest("malformed_json", "the request body must be a JSON object");
    }
    String sender = request.sender() == null ? "default" : request.sender();
    sender(sender);
    String text = text(request.message(), "message", maxChars);
    Map<String, Object> metadata = request.metadata() == null ? Map.of() : request.metadata();
    return new IncomingMessage(sender, text, request.messageId(), metadata, "rest");
  }

  static String text(Object value, String field, int maxChars) {
    if (!(value instanceof String text)) {
      throw ApiError.badRequest(
          "invalid_field", "'" + field + "' is required and must be a string");
    }
    if (text.length() > maxChars) {
      throw new ApiError(
          Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(),
          "message_too_long",
          "'" + field + "' has " + text.length() + " characters; the limit is " + maxChars,
          List.of());
    }
    return text;
  }

  static void sender(String sender) {
    if (sender.isEmpty() || sender.length() > MAX_SENDER) {
      throw ApiError.badRequest(
          "invalid_sender", "the sender id must have 1 to " + MAX_SENDER + " characters");
    }
  }

  static void name(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw ApiError.badRequest(
          "invalid_name",
          what
              + " names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }
}
