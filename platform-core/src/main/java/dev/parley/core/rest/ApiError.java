package dev.parley.core.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An API error with a stable code; rendered as {@code {"error": code, "message": ...}} (plus {@code
 * details} when there are several problems, e.g. validation errors with file and line).
 */
public class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient List<?> details;

  /** An error with a status, code and message. */
  public ApiError(Response.Status status, String code, String message) {
    this(status.getStatusCode(), code, message, List.of());
  }

  /** An error with details. */
  public ApiError(int status, String code, String message, List<?> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** HTTP status. */
  public int status() {
    return status;
  }

  /** Stable error code. */
  public String code() {
    return code;
  }

  /** Further items (may be empty). */
  public List<?> details() {
    return details;
  }

  /** 404 for an unknown tenant, bot or conversation. */
  public static ApiError notFound(String what) {
    return new ApiError(Response.Status.NOT_FOUND, "not_found", what + " not found");
  }

  /** 400 for a request that breaks the API's rules. */
  public static ApiError badRequest(String code, String message) {
    return new ApiError(Response.Status.BAD_REQUEST, code, message);
  }
}
