package dev.parley.core.rest;

import dev.parley.core.rest.dto.ErrorDto;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the JSON error responses. */
final class ErrorBodies {

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
    return Response.status(answer.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(answer.body())
        .build();
  }

  static Response of(int status, String code, String message, List<?> details) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorDto(code, message, details))
        .build();
  }
}
