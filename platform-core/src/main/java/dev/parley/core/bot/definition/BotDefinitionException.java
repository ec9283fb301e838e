package dev.parley.core.bot.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A bot project that cannot be used, with every problem found. */
public class BotDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationMessage> errors;

  /** The problems found (at least one). */
  public BotDefinitionException(List<ValidationMessage> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /** Every problem, in file order. */
  public List<ValidationMessage> errors() {
    return errors;
  }

  private static String summary(List<ValidationMessage> errors) {
    return errors.stream()
        .limit(3)
        .map(e -> e.file() + ":" + e.line() + " " + e.message())
        .collect(Collectors.joining("; "));
  }
}
