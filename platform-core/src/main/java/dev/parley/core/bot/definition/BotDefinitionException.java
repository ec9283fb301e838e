package dev.parley.core.bot.definition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A bot project that cannot be used, with every problem found and the warnings found along with
 * them (for the validate-only check, which shows both).
 */
public class BotDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationMessage> errors;
  private final transient List<ValidationMessage> warnings;

  /** The problems found (at least one). */
  public BotDefinitionException(List<ValidationMessage> errors) {
    this(errors, List.of());
  }

  /** The problems found (at least one) and the warnings found before the project was refused. */
  public BotDefinitionException(List<ValidationMessage> errors, List<ValidationMessage> warnings) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
  }

  /** Every problem, in file order. */
  public List<ValidationMessage> errors() {
    return errors;
  }

  /**
   * The warnings found while reading and checking the project before it was refused; those of steps
   * the problems stopped (e.g. the components' options when the files cannot be read) are missing.
   */
  public List<ValidationMessage> warnings() {
    return warnings;
  }

  private static String summary(List<ValidationMessage> errors) {
    return errors.stream()
        .limit(3)
        .map(e -> e.file() + ":" + e.line() + " " + e.message())
        .collect(Collectors.joining("; "));
  }
}
