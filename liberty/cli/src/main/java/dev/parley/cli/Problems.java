package dev.parley.cli;

import dev.parley.core.bot.definition.ValidationMessage;
import java.io.PrintStream;
import java.util.List;

/** Prints a project's problems as {@code project/file:line: level: message}, one a line. */
final class Problems {

  private Problems() {}

  static void print(
      String project, String level, List<ValidationMessage> messages, PrintStream to) {
    for (ValidationMessage m : messages) {
      to.println(location(project, m.file(), m.line()) + ": " + level + ": " + m.message());
    }
  }

  static String location(String project, String file, int line) {
    String path = project.endsWith("/") ? project + file : project + "/" + file;
    return line > 0 ? path + ":" + line : path;
  }
}
