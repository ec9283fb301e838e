package dev.parley.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.rest.dto.DisplayNameRequest;
import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.turn.IncomingMessage;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of request fields, each failing with a clear 4xx. */
final class RequestChecks {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final int MAX_SENDER = 255;
  private static final int MAX_DISPLAY_NAME = 120;
  private static final int MAX_INPUT_CHANNEL = 64;
  private static final String REST_CHANNEL = "rest";

  private RequestChecks() {}

  static IncomingMessage message(WebhookRequest request, int maxChars) {
    if (request == null) {
      throw ApiError.badRequest("malformed_json", "the request body must be a JSON object");
    }
    String sender = request.sender() == null ? "default" : request.sender();
    sender(sender);
    String text = text(request.message(), "message", maxChars);
    Map<String, Object> metadata = request.metadata() == null ? Map.of() : request.metadata();
    return new IncomingMessage(
        sender, text, request.messageId(), metadata, inputChannel(request.inputChannel()));
  }

  /**
   * The channel a REST webhook message is recorded as coming from: Rasa's {@code input_channel},
   * else {@code rest} (a forwarded channel plugin's turn keeps its channel this way).
   */
  static String inputChannel(String requested) {
    if (requested == null || requested.isBlank()) {
      return REST_CHANNEL;
    }
    if (requested.length() > MAX_INPUT_CHANNEL
        || requested.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest(
          "invalid_field",
          "'input_channel' must have at most "
              + MAX_INPUT_CHANNEL
              + " characters and no control characters");
    }
    return requested;
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

  /**
   * The display name of a rename request, stripped; {@code null} (reset to the id) when it is null
   * or empty.
   */
  static String displayName(DisplayNameRequest request) {
    JsonNode value = request == null ? null : request.displayName();
    if (value == null) {
      throw ApiError.badRequest("missing_display_name", "send {\"display_name\": \"...\"}");
    }
    if (!value.isNull() && !value.isTextual()) {
      throw ApiError.badRequest("invalid_display_name", "display_name must be a string");
    }
    String name = value.isNull() ? "" : value.textValue().strip();
    if (name.length() > MAX_DISPLAY_NAME) {
      throw ApiError.badRequest(
          "invalid_display_name",
          "display_name is longer than " + MAX_DISPLAY_NAME + " characters");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest("invalid_display_name", "display_name has control characters");
    }
    return name.isEmpty() ? null : name;
  }

  /** The start of a day given as {@code yyyy-mm-dd} (UTC); empty when the value is blank. */
  static Optional<Instant> day(String value, String field) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("invalid_date", field + ": a date as yyyy-mm-dd");
    }
  }
}
