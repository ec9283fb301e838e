package dev.parley.core.rest;

import dev.parley.core.ops.OpsServlet;
import dev.parley.core.rest.dto.RasaErrorDto;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An error of an endpoint of Rasa's HTTP API, answered in Rasa's {@code ErrorResponse} shape
 * ({@code {"version","status":"failure","message","reason","details","help","code"}}) so that Rasa
 * clients read it as they read Rasa's.
 */
public class RasaError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;
  private final transient Map<String, Object> details;

  /**
   * An error.
   *
   * @param status the HTTP status
   * @param reason Rasa's reason, e.g. {@code BadRequest}
   * @param message what went wrong
   * @param details where, e.g. {@code {"parameter": "name", "in": "body"}}
   */
  public RasaError(int status, String reason, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.details = Map.copyOf(details);
  }

  /** 400 for a request body or parameter that is wrong. */
  public static RasaError badRequest(String message, String parameter, String in) {
    return new RasaError(400, "BadRequest", message, Map.of("parameter", parameter, "in", in));
  }

  /** 404 for something the bot or the conversation does not have. */
  public static RasaError notFound(String message) {
    return new RasaError(404, "NotFound", message, Map.of());
  }

  /** The same failure as a Parley {@link ApiError}, with Rasa's reason for its status. */
  public static RasaError from(ApiError error) {
    return new RasaError(error.status(), reasonOf(error.status()), error.getMessage(), Map.of());
  }

  /** Rasa's reason for an HTTP status. */
  static String reasonOf(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "NotAuthenticated";
      case 403 -> "NotAuthorized";
      case 404 -> "NotFound";
      case 406 -> "NotAcceptable";
      case 409 -> "Conflict";
      case 413 -> "PayloadTooLarge";
      case 503 -> "ServiceUnavailable";
      default -> status >= 500 ? "ConversationError" : "BadRequest";
    };
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Rasa's reason. */
  public String reason() {
    return reason;
  }

  /** The response Rasa would give. */
  Response toResponse() {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            new RasaErrorDto(
                OpsServlet.VERSION, "failure", getMessage(), reason, details, null, status))
        .build();
  }
}
