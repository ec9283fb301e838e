package dev.parley.core.nlu.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Turns labelled examples (e.g. a JSONL data set) into a Rasa project: {@code domain.yml} with the
 * intents and entity types, {@code data/nlu.yml} with {@code [text](entity)} annotations (or the
 * JSON form when the value differs from the text or a role or group is given), and the given {@code
 * config.yml}. Square brackets in example texts become round ones (Rasa has no escape for them);
 * overlapping entity spans keep the first.
 */
public final class JsonlProject {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlProject() {}

  /** The project files, by path. */
  public static Map<String, String> files(List<NluExample> examples, String configYml) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("config.yml", configYml);
    files.put("domain.yml", domain(examples));
    files.put("data/nlu.yml", nlu(examples));
    return files;
  }

  /** The project as a zip, as the admin API imports it. */
  public static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A default {@code config.yml}: Parley's default pipeline for the language. */
  public static String defaultConfig(String language) {
    return "language: " + language + "\n";
  }

  private static String domain(List<NluExample> examples) {
    Set<String> intents = new LinkedHashSet<>();
    Set<String> entities = new TreeSet<>();
    for (NluExample example : examples) {
      intents.add(example.intent());
      example.entities().forEach(e -> entities.add(e.entity()));
    }
    StringBuilder yml = new StringBuilder("version: \"3.1\"\nintents:\n");
    intents.forEach(intent -> yml.append("  - ").append(quoted(intent)).append('\n'));
    if (!entities.isEmpty()) {
      yml.append("entities:\n");
      entities.forEach(entity -> yml.append("  - ").append(quoted(entity)).append('\n'));
    }
    return yml.toString();
  }

  private static String nlu(List<NluExample> examples) {
    Map<String, List<String>> byIntent = new LinkedHashMap<>();
    for (NluExample example : examples) {
      byIntent.computeIfAbsent(example.intent(), key -> new ArrayList<>()).add(annotated(example));
    }
    StringBuilder yml = new StringBuilder("version: \"3.1\"\nnlu:\n");
    byIntent.forEach(
        (intent, lines) -> {
          yml.append("- intent: ").append(quoted(intent)).append("\n  examples: |\n");
          lines.forEach(line -> yml.append("    - ").append(line).append('\n'));
        });
    return yml.toString();
  }

  /** The example text with its entities written as Rasa annotations, on one line. */
  static String annotated(NluExample example) {
    String text =
        example.text().replace('[', '(').replace(']', ')').replace('\n', ' ').replace('\r', ' ');
    List<EntityAnnotation> spans = new ArrayList<>(example.entities());
    spans.sort(Comparator.comparingInt(EntityAnnotation::start));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (EntityAnnotation e : spans) {
      if (e.start() < at || e.end() > text.length()) {
        continue;
      }
      String surface = text.substring(e.start(), e.end());
      out.append(text, at, e.start()).append('[').append(surface).append(']');
      boolean plain = surface.equals(e.value()) && e.role() == null && e.group() == null;
      if (plain) {
        out.append('(').append(e.entity()).append(')');
      } else {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("entity", e.entity());
        json.put("value", e.value());
        if (e.role() != null) {
          json.put("role", e.role());
        }
        if (e.group() != null) {
          json.put("group", e.group());
        }
        out.append(json(json));
      }
      at = e.end();
    }
    return out.append(text.substring(at)).toString();
  }

  private static String quoted(String name) {
    return json(name);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
