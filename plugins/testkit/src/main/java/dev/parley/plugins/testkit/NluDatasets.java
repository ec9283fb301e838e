package dev.parley.plugins.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.bot.NluExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared NLU data sets ({@code shared/datasets/<name>/<split>.jsonl} beside the repository:
 * lines {@code {"text", "intent", "entities"}}), found by walking up from the working directory.
 */
public final class NluDatasets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NluDatasets() {}

  /** The data sets folder, if there is one above the working directory. */
  public static Optional<Path> root() {
    String configured = System.getProperty("parley.datasets");
    if (configured != null) {
      return Optional.of(Path.of(configured)).filter(Files::isDirectory);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("datasets");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether a split of a data set is there. */
  public static boolean has(String dataset, String split) {
    return root().map(r -> Files.isRegularFile(file(r, dataset, split))).orElse(false);
  }

  /** The examples of a split (intent and text; entities are not read). */
  public static List<NluExample> read(String dataset, String split) {
    Path file =
        file(
            root().orElseThrow(() -> new IllegalStateException("no shared/datasets folder")),
            dataset,
            split);
    try {
      List<NluExample> examples = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode node = JSON.readTree(line);
          examples.add(
              new NluExample(node.path("text").asText(), node.path("intent").asText(), List.of()));
        }
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path file(Path root, String dataset, String split) {
    return root.resolve(dataset).resolve(split + ".jsonl");
  }
}
