package dev.parley.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.core.DemoBotFiles;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.json.Json;
import dev.parley.core.plugin.PluginRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model file of the command line checked as the server's import checks it: a valid one loads; a
 * changed project, another format or another plugin version is a mismatch with its reason; a
 * truncated or damaged zip is refused as unreadable.
 */
class ModelArchiveTest {

  private static final PluginRegistry REGISTRY =
      new PluginRegistry(
          new ServerSettings(
              "target/model-archive-test",
              Optional.of("target/no-plugins"),
              Optional.empty(),
              Optional.empty(),
              4096,
              1000,
              10,
              1,
              false));

  private static Map<String, String> files;
  private static byte[] archive;

  @BeforeAll
  static void train() throws IOException {
    files = DemoBotFiles.load();
    BotProject project = new BotProjectParser().parse(files);
    AssembledModel trained =
        new BotAssembler(REGISTRY).train("t", "demo", 1, project, TrainingProgress.NONE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelArchive.write(bytes, "demo", files, trained);
    archive = bytes.toByteArray();
    trained.model().nlu().retire();
  }

  private static Optional<String> mismatch(byte[] zip) {
    return new TrainedModelCheck(REGISTRY).mismatch(ModelArchive.read(zip).orElseThrow());
  }

  @Test
  void aValidArchiveLoadsWithTheSamePluginsThatTrainedIt() {
    ModelArchive read = ModelArchive.read(archive).orElseThrow();
    assertEquals(ModelArchive.FORMAT, read.manifest().format());
    assertEquals(Optional.of(ProjectHash.of(files)), read.manifest().projectHash());
    assertFalse(read.manifest().trainedBy().isEmpty(), read.manifest().toString());
    assertFalse(read.artifacts().isEmpty());
    assertEquals(files, read.files());
    assertEquals(Optional.empty(), new TrainedModelCheck(REGISTRY).mismatch(read));

    BotProject project = new BotProjectParser().parse(read.files());
    AssembledModel loaded =
        new BotAssembler(REGISTRY).load("t", "demo", 2, project, read.artifacts());
    assertEquals(
        Optional.empty(),
        TrainedModelCheck.loadedDifferently(read.manifest().trainedBy(), loaded.trainedBy()));
    loaded.model().nlu().retire();
  }

  @Test
  void aProjectChangedAfterTrainingIsAMismatch() throws IOException {
    byte[] changed =
        rewrite(
            archive,
            (name, content) ->
                name.equals("domain.yml")
                    ? (new String(content, StandardCharsets.UTF_8) + "\n# edited\n")
                        .getBytes(StandardCharsets.UTF_8)
                    : content);
    String reason = mismatch(changed).orElseThrow();
    assertTrue(reason.contains("project files differ"), reason);
  }

  @Test
  void anotherFormatIsAMismatch() throws IOException {
    String reason =
        mismatch(manifest(archive, json -> json.put("format", "parley-model/9"))).orElseThrow();
    assertTrue(reason.contains("'parley-model/9'"), reason);
    String first =
        mismatch(manifest(archive, json -> json.put("format", ModelArchive.FORMAT_1)))
            .orElseThrow();
    assertTrue(first.contains("'parley-model/1'"), first);
  }

  @Test
  void anotherPluginVersionOrAMissingPluginIsAMismatch() throws IOException {
    String version =
        mismatch(
                manifest(
                    archive,
                    json -> {
                      ((ObjectNode) json.path("trained_by").get(0)).put("version", "0.0.1-old");
                      return json;
                    }))
            .orElseThrow();
    assertTrue(version.contains("at version 0.0.1-old"), version);
    String missing =
        mismatch(
                manifest(
                    archive,
                    json -> {
                      ((ObjectNode) json.path("trained_by").get(0)).put("plugin", "NoSuchPlugin");
                      return json;
                    }))
            .orElseThrow();
    assertTrue(missing.contains("NoSuchPlugin"), missing);
  }

  @Test
  void aTruncatedOrDamagedZipIsUnreadable() throws IOException {
    byte[] half = Arrays.copyOf(archive, archive.length / 2);
    assertThrows(ModelArchive.InvalidModelArchive.class, () -> ModelArchive.read(half));
    byte[] withoutEnd = Arrays.copyOf(archive, archive.length - 10);
    assertThrows(ModelArchive.InvalidModelArchive.class, () -> ModelArchive.read(withoutEnd));
    byte[] damagedArtifact =
        rewrite(
            archive,
            (name, content) -> {
              if (name.startsWith("models/artifacts/0000")) {
                byte[] copy = content.clone();
                copy[0] ^= 0x55;
                return copy;
              }
              return content;
            });
    ModelArchive.InvalidModelArchive damaged =
        assertThrows(
            ModelArchive.InvalidModelArchive.class, () -> ModelArchive.read(damagedArtifact));
    assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
  }

  @Test
  void aProjectZipIsNoModelArchive() throws IOException {
    byte[] plain = rewrite(archive, (name, content) -> name.startsWith("models/") ? null : content);
    assertEquals(Optional.empty(), ModelArchive.read(plain));
  }

  /** Rewrites the manifest's JSON. */
  private static byte[] manifest(byte[] zip, UnaryOperator<ObjectNode> change) throws IOException {
    return rewrite(
        zip,
        (name, content) -> {
          if (!name.equals(ModelArchive.MANIFEST)) {
            return content;
          }
          try {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(content);
            return Json.mapper().writeValueAsBytes(change.apply(json));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private interface EntryChange {
    /** The entry's new content, or null to drop it. */
    byte[] apply(String name, byte[] content);
  }

  private static byte[] rewrite(byte[] zip, EntryChange change) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        byte[] content = change.apply(entry.getKey(), entry.getValue());
        if (content != null) {
          out.putNextEntry(new ZipEntry(entry.getKey()));
          out.write(content);
          out.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }
}
