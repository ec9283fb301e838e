package dev.parley.plugins.entity.crf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared data sets' JSONL lines {@code {"text", "intent", "entities": [...]}}. */
final class JsonlData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlData() {}

  /**
   * Where the shared data sets are: {@code -Dparley.datasets}, else {@code /work/shared/datasets}.
   */
  static Path root() {
    return Path.of(System.getProperty("parley.datasets", "/work/shared/datasets"));
  }

  static List<NluExample> read(Path file, int limit) {
    List<NluExample> examples = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        if (examples.size() == limit) {
          break;
        }
        JsonNode node = JSON.readTree(line);
        List<EntityAnnotation> entities = new ArrayList<>();
        for (JsonNode entity : node.path("entities")) {
          entities.add(
              new EntityAnnotation(
                  entity.get("start").asInt(),
                  entity.get("end").asInt(),
                  entity.get("entity").asText(),
                  entity.path("value").asText(),
                  entity.hasNonNull("role") ? entity.get("role").asText() : null,
                  entity.hasNonNull("group") ? entity.get("group").asText() : null));
        }
        examples.add(
            new NluExample(node.get("text").asText(), node.path("intent").asText(), entities));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return examples;
  }
}
