package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.core.security.Caller;
import java.time.Instant;
import java.util.Optional;

/** The signed-in caller; {@code expires_at} only in the sign-in answer. */
public record CallerDto(
    String user,
    String role,
    String tenant,
    String csrfToken,
    @JsonInclude(JsonInclude.Include.NON_NULL) String expiresAt) {

  /** The caller, with the session's expiry when there is one. */
  public static CallerDto from(Caller caller, Optional<Instant> expiresAt) {
    return new CallerDto(
        caller.user(),
        caller.role().jsonName(),
        caller.tenant().orElse(null),
        caller.csrfToken().orElse(null),
        expiresAt.map(Instant::toString).orElse(null));
  }
}
