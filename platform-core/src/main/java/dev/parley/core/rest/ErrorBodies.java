package dev.parley.core.rest;

import dev.parley.core.rest.dto.ErrorDto;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the JSON error responses. */
final class ErrorBodies {

  private ErrorBodies() {}

  static Response of(int status, String code, String message, List<?> details) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorDto(code, message, details))
        .build();
  }
}
