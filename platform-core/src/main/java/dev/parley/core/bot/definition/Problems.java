package dev.parley.core.bot.definition;

import java.util.ArrayList;
import java.util.List;

/** Errors and warnings collected while reading one project. */
final class Problems {

  final List<ValidationMessage> errors = new ArrayList<>();
  final List<ValidationMessage> warnings = new ArrayList<>();

  void error(String file, int line, String message) {
    errors.add(new ValidationMessage(file, line, message));
  }

  void warn(String file, int line, String message) {
    warnings.add(new ValidationMessage(file, line, message));
  }
}
