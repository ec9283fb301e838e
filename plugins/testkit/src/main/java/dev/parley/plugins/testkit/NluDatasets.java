package dev.parley.plugins.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

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

  /** Where {@link #fixture()} lies on the class path. */
  public static final String FIXTURE = "/dev/parley/plugins/testkit/fixtures/banking77-slice.jsonl";

  /**
   * A small slice of Banking77 inside the repository (11 intents, 40 examples each; CC BY 4.0, see
   * the README beside it), in file order: for tests that train on real phrasing and must run on a
   * clone with no shared data sets beside it.
   */
  public static List<NluExample> fixture() {
    try (InputStream in = NluDatasets.class.getResourceAsStream(FIXTURE)) {
      if (in == null) {
        throw new IllegalStateException("missing test fixture " + FIXTURE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bot's training data that holds only {@code examples}, in an empty domain. */
  public static TrainingData trainingData(String language, List<NluExample> examples) {
    return new TrainingData(
        language,
        TrainingDataBuilder.emptyDomain(),
        examples,
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** The examples of a split: text, intent and the annotated entities. */
  public static List<NluExample> read(String dataset, String split) {
    Path file =
        file(
            root().orElseThrow(() -> new IllegalStateException("no shared/datasets folder")),
            dataset,
            split);
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<NluExample> parse(List<String> lines) throws IOException {
    List<NluExample> examples = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        JsonNode node = JSON.readTree(line);
        examples.add(
            new NluExample(
                node.path("text").asText(), node.path("intent").asText(), entities(node)));
      }
    }
    return examples;
  }

  private static List<NluExample.EntityAnnotation> entities(JsonNode node) {
    List<NluExample.EntityAnnotation> entities = new ArrayList<>();
    for (JsonNode entity : node.path("entities")) {
      entities.add(
          new NluExample.EntityAnnotation(
              entity.get("start").asInt(),
              entity.get("end").asInt(),
              entity.get("entity").asText(),
              entity.path("value").asText(),
              entity.hasNonNull("role") ? entity.get("role").asText() : null,
              entity.hasNonNull("group") ? entity.get("group").asText() : null));
    }
    return entities;
  }

  /** The examples to train on and those to evaluate. */
  public record Experiment(List<NluExample> train, List<NluExample> eval) {}

  /** How many examples of train are held out where a data set has no valid split. */
  public static final int HELD_OUT = 1500;

  /**
   * The examples of an experiment: {@code test} trains on train and evaluates test; {@code valid}
   * evaluates the valid split, or, where there is none (Banking77), the last {@link #HELD_OUT} of a
   * fixed shuffle of train, trained on the rest; {@code full} is {@code valid} trained on all of
   * train (to time training on the whole set).
   */
  public static Experiment experiment(String dataset, String mode) {
    List<NluExample> train = new ArrayList<>(read(dataset, "train"));
    if (mode.equals("test")) {
      return new Experiment(train, read(dataset, "test"));
    }
    if (has(dataset, "valid")) {
      return new Experiment(train, read(dataset, "valid"));
    }
    Collections.shuffle(train, new Random(1));
    List<NluExample> heldOut = List.copyOf(train.subList(train.size() - HELD_OUT, train.size()));
    return mode.equals("full")
        ? new Experiment(train, heldOut)
        : new Experiment(List.copyOf(train.subList(0, train.size() - HELD_OUT)), heldOut);
  }

  private static Path file(Path root, String dataset, String split) {
    return root.resolve(dataset).resolve(split + ".jsonl");
  }
}
