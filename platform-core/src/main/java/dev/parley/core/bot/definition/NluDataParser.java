package dev.parley.core.bot.definition;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import dev.parley.plugin.bot.TrainingData.NamedPatterns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads the {@code nlu:} sections: intent examples, synonyms, regexes and lookup tables. */
final class NluDataParser {

  /**
   * An example and where it was written.
   *
   * @param example the example
   * @param file its file
   * @param line its line
   */
  record Located(NluExample example, String file, int line) {}

  private final Problems problems;
  final List<Located> examples = new ArrayList<>();
  final Map<String, String> synonyms = new LinkedHashMap<>();
  final List<NamedPatterns> regexes = new ArrayList<>();
  final List<NamedPatterns> lookups = new ArrayList<>();

  NluDataParser(Problems problems) {
    this.problems = problems;
  }

  void read(String file, Node section) {
    if (!Yaml.isSequence(section)) {
      problems.error(file, Yaml.line(section), "'nlu' must be a list");
      return;
    }
    for (Node item : Yaml.sequence(section)) {
      Map<String, Node> fields = Yaml.mapping(item);
      Node examplesNode = fields.get("examples");
      if (fields.containsKey("intent")) {
        String intent = Yaml.text(fields.get("intent")).orElse("");
        List<Line> lines = lines(file, examplesNode, item);
        if (lines.isEmpty()) {
          problems.error(file, Yaml.line(item), "intent '" + intent + "' has no examples");
        }
        for (Line line : lines) {
          try {
            EntityAnnotations.Parsed parsed = EntityAnnotations.parse(line.text());
            examples.add(
                new Located(
                    new NluExample(parsed.text(), intent, parsed.entities()), file, line.number()));
            for (EntityAnnotation annotation : parsed.entities()) {
              String surface = parsed.text().substring(annotation.start(), annotation.end());
              if (!surface.equals(annotation.value())) {
                synonyms.put(surface.toLowerCase(Locale.ROOT), annotation.value());
              }
            }
          } catch (EntityAnnotations.AnnotationException e) {
            problems.error(
                file,
                line.number(),
                "broken entity annotation in '" + line.text() + "': " + e.getMessage());
          }
        }
      } else if (fields.containsKey("synonym")) {
        String canonical = Yaml.text(fields.get("synonym")).orElse("");
        for (Line line : lines(file, examplesNode, item)) {
          synonyms.put(line.text().toLowerCase(Locale.ROOT), canonical);
        }
      } else if (fields.containsKey("regex")) {
        String name = Yaml.text(fields.get("regex")).orElse("");
        List<String> patterns = new ArrayList<>();
        for (Line line : lines(file, examplesNode, item)) {
          try {
            java.util.regex.Pattern.compile(line.text());
            patterns.add(line.text());
          } catch (java.util.regex.PatternSyntaxException e) {
            problems.error(
                file, line.number(), "regex '" + name + "' is invalid: " + e.getDescription());
          }
        }
        regexes.add(new NamedPatterns(name, patterns));
      } else if (fields.containsKey("lookup")) {
        String name = Yaml.text(fields.get("lookup")).orElse("");
        lookups.add(
            new NamedPatterns(
                name, lines(file, examplesNode, item).stream().map(Line::text).toList()));
      } else {
        problems.error(
            file, Yaml.line(item), "an nlu item needs 'intent', 'synonym', 'regex' or 'lookup'");
      }
    }
  }

  /** One example line. */
  private record Line(String text, int number) {}

  private List<Line> lines(String file, Node examples, Node item) {
    List<Line> lines = new ArrayList<>();
    if (examples == null) {
      return lines;
    }
    if (examples instanceof ScalarNode scalar) {
      int first = Yaml.line(scalar) + (scalar.getScalarStyle() != ScalarStyle.PLAIN ? 1 : 0);
      String[] raw = scalar.getValue().split("\n", -1);
      for (int i = 0; i < raw.length; i++) {
        String line = raw[i].strip();
        if (line.isEmpty()) {
          continue;
        }
        if (!line.startsWith("-")) {
          problems.error(file, first + i, "an example line must start with '- '");
          continue;
        }
        lines.add(new Line(unquote(line.substring(1).strip()), first + i));
      }
    } else {
      for (Node example : Yaml.sequence(examples)) {
        Optional<String> text =
            Yaml.isMapping(example)
                ? Optional.ofNullable(Yaml.mapping(example).get("text")).flatMap(Yaml::text)
                : Yaml.text(example);
        text.ifPresent(t -> lines.add(new Line(t, Yaml.line(example))));
      }
    }
    return lines;
  }

  private static String unquote(String text) {
    if (text.length() >= 2
        && ((text.startsWith("\"") && text.endsWith("\""))
            || (text.startsWith("'") && text.endsWith("'")))) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }
}
