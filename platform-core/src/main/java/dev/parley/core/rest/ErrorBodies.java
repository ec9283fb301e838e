package dev.parley.core.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON error responses. */
final class ErrorBodies {

  private ErrorBodies() {}

  static Response of(int status, String code, String message, List<?> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    if (!details.isEmpty()) {
      body.put("details", details);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
