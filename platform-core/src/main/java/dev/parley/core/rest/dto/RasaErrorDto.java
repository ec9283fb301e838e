package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Rasa's {@code ErrorResponse} body, as the endpoints of Rasa's HTTP API answer an error.
 *
 * @param version the server's version
 * @param status always {@code failure}
 * @param message what went wrong
 * @param reason Rasa's reason, e.g. {@code BadRequest} or {@code NotFound}
 * @param details e.g. {@code {"parameter": "name", "in": "body"}}
 * @param help a link to help, or {@code null}
 * @param code the HTTP status
 */
public record RasaErrorDto(
    String version,
    String status,
    String message,
    String reason,
    Map<String, Object> details,
    @JsonInclude(JsonInclude.Include.ALWAYS) String help,
    int code) {}
