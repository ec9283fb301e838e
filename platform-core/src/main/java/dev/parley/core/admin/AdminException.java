package dev.parley.core.admin;

import java.util.List;

/**
 * A request the admin services refuse, with a stable code: an unknown tenant, bot or version, a
 * conflict with stored data, or a step that failed. The REST layer renders it like its own errors.
 */
public class AdminException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    /** Something named in the request does not exist. */
    NOT_FOUND,
    /** The request conflicts with what is stored. */
    CONFLICT,
    /** A step of the request failed on the server. */
    FAILED
  }

  private final Reason reason;
  private final String code;
  private final transient List<?> details;

  /** A refusal with a reason, code, message and further items (may be empty). */
  public AdminException(Reason reason, String code, String message, List<?> details) {
    super(message);
    this.reason = reason;
    this.code = code;
    this.details = List.copyOf(details);
  }

  /** An unknown tenant, bot, version or conversation. */
  public static AdminException notFound(String what) {
    return new AdminException(Reason.NOT_FOUND, "not_found", what + " not found", List.of());
  }

  /** Why the request was refused. */
  public Reason reason() {
    return reason;
  }

  /** Stable error code. */
  public String code() {
    return code;
  }

  /** Further items (may be empty). */
  public List<?> details() {
    return details;
  }
}
