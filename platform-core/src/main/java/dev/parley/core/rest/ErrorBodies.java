package dev.parley.core.rest;

import dev.parley.core.rest.dto.ErrorDto;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Builds the JSON error responses. A 503 (a busy conversation, an unavailable database, an owner
 * that did not answer) says {@code Retry-After: 1}: the request may be sent again at once.
 */
final class ErrorBodies {

  private static final String RETRY_AFTER_SECONDS = "1";

  private ErrorBodies() {}

  /**
   * An error answer before it becomes a JAX-RS response.
   *
   * @param status the HTTP status
   * @param body the JSON body
   */
  record Answer(int status, ErrorDto body) {}

  static Answer answer(int status, String code, String message, List<?> details) {
    return new Answer(status, new ErrorDto(code, message, details));
  }

  static Response response(Answer answer) {
    return build(answer.status(), answer.body());
  }

  static Response of(int status, String code, String message, List<?> details) {
    return build(status, new ErrorDto(code, message, details));
  }

  private static Response build(int status, ErrorDto body) {
    Response.ResponseBuilder response =
        Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response.build();
  }
}
