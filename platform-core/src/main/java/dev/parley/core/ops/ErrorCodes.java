package dev.parley.core.ops;

/** The stable error codes and reason phrases of HTTP statuses the web container answers with. */
public final class ErrorCodes {

  private ErrorCodes() {}

  /** The code for a status, e.g. {@code not_found} for 404. */
  public static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 408 -> "request_timeout";
      case 411 -> "length_required";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 429 -> "too_many_requests";
      case 501 -> "not_implemented";
      case 503 -> "service_unavailable";
      default -> status >= 500 ? "internal_error" : "bad_request";
    };
  }

  /** A short English reason for a status. */
  public static String reason(int status) {
    return switch (status) {
      case 400 -> "the request is malformed";
      case 401 -> "authentication is required";
      case 403 -> "forbidden";
      case 404 -> "no such resource";
      case 405 -> "this method is not allowed here";
      case 406 -> "no acceptable representation";
      case 408 -> "the request took too long";
      case 411 -> "a Content-Length is required";
      case 413 -> "the request is too large";
      case 414 -> "the request URI is too long";
      case 415 -> "unsupported media type";
      case 429 -> "too many requests";
      case 501 -> "not implemented";
      case 503 -> "the service is unavailable; please try again in a moment";
      default -> status >= 500 ? "internal error" : "the request is malformed";
    };
  }
}
