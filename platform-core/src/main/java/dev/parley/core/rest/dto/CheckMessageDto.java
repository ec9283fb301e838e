package dev.parley.core.rest.dto;

import dev.parley.core.bot.definition.ValidationMessage;
import java.util.List;

/**
 * One message of a validate-only check at its file and line, with its severity: {@code error} (the
 * project would not train) or {@code warning} (it trains, but deserves attention).
 */
public record CheckMessageDto(String file, int line, String message, String severity) {

  /** The severity of what stops the project from training. */
  public static final String ERROR = "error";

  /** The severity of what the project trains with, but deserves attention. */
  public static final String WARNING = "warning";

  /** The messages with the given severity, in their order. */
  static List<CheckMessageDto> of(List<ValidationMessage> messages, String severity) {
    return messages.stream()
        .map(m -> new CheckMessageDto(m.file(), m.line(), m.message(), severity))
        .toList();
  }
}
