package dev.parley.cli;

import dev.parley.core.bot.definition.SourceLocation;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds where a name is written in a project's YAML files, for checks on the parsed project, whose
 * records do not keep their lines: the first line whose YAML item or key is that name.
 */
final class SourceLines {

  private final Map<String, String> files;

  SourceLines(Map<String, String> files) {
    this.files = files;
  }

  /**
   * The first line, in the files {@code inFile} accepts, that is {@code - name}, {@code name:} or
   * {@code key: name} (quoted or not).
   */
  SourceLocation find(String name, Predicate<String> inFile, String fallbackFile) {
    String quoted = "['\"]?" + Pattern.quote(name) + "['\"]?";
    Pattern pattern =
        Pattern.compile(
            "^\\s*(-\\s*)?([A-Za-z_]+:\\s*)?" + quoted + "\\s*(:.*)?(#.*)?$", Pattern.MULTILINE);
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (!inFile.test(file.getKey())) {
        continue;
      }
      var matcher = pattern.matcher(file.getValue());
      if (matcher.find()) {
        return new SourceLocation(file.getKey(), lineOf(file.getValue(), matcher.start()));
      }
    }
    return new SourceLocation(fallbackFile, 0);
  }

  /** Whether a file is part of the domain. */
  static boolean domainFile(String name) {
    return name.equals("domain.yml") || name.equals("domain.yaml") || name.startsWith("domain/");
  }

  /** Whether a file is training data. */
  static boolean dataFile(String name) {
    return name.startsWith("data/");
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    // the match may start with the previous line's line break
    return text.charAt(offset) == '\n' ? line + 1 : line;
  }
}
