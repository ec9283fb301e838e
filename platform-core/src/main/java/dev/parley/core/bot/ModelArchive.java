package dev.parley.core.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.core.bot.definition.ProjectFiles;
import dev.parley.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained bot in one zip, as the command line's {@code parley train} writes it and the admin
 * import reads it: the project's files at the root (so it is also a project zip) and, under {@code
 * models/} (which a project import skips), the trained artifacts and the manifest {@value
 * #MANIFEST}. The manifest names the format, the project's {@linkplain ProjectHash content hash},
 * the plugin and version behind each artifact scope, and each artifact's entry, name and SHA-256.
 *
 * @param manifest what the manifest says
 * @param files the project's files, path to text (as a project import reads them)
 * @param artifacts the artifacts, by name (empty for a format this build does not read)
 */
public record ModelArchive(
    Manifest manifest, Map<String, String> files, Map<String, byte[]> artifacts) {

  /** Where the manifest is in the zip. */
  public static final String MANIFEST = "models/parley-model.json";

  /** The format this build writes and loads on the server. */
  public static final String FORMAT = "parley-model/2";

  /** The first format: artifacts without project hash, plugin versions or checksums. */
  public static final String FORMAT_1 = "parley-model/1";

  private static final String ARTIFACTS = "models/artifacts/";
  private static final long MAX_ARTIFACT_BYTES = 100_000_000L;
  private static final long MAX_TOTAL_BYTES = 256L << 20;
  private static final int MAX_ENTRIES = 5_000;

  /**
   * The manifest of a trained model.
   *
   * @param format the archive's format, e.g. {@value #FORMAT}
   * @param bot the name of the bot it was trained as
   * @param trainedAt when, as ISO-8601 text
   * @param parleyVersion the version of the Parley build that trained it
   * @param projectHash the content hash of the project files it was trained from (empty in format
   *     1)
   * @param trainedBy the plugin and version behind each artifact scope (empty in format 1)
   */
  public record Manifest(
      String format,
      String bot,
      String trainedAt,
      String parleyVersion,
      Optional<String> projectHash,
      List<TrainedBy> trainedBy) {}

  /** An archive that cannot be read: not a whole zip, a damaged entry, or a broken manifest. */
  public static final class InvalidModelArchive extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidModelArchive(String message) {
      super(message);
    }
  }

  /** Writes a trained bot: its project files, then its artifacts, then the manifest. */
  public static void write(
      OutputStream out, String bot, Map<String, String> files, AssembledModel trained)
      throws IOException {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("bot", bot);
    manifest.put("trained_at", Instant.now().toString());
    manifest.put("parley_version", parleyVersion());
    manifest.put("project_sha256", ProjectHash.of(files));
    ArrayNode trainers = manifest.putArray("trained_by");
    for (TrainedBy by : trained.trainedBy()) {
      trainers
          .addObject()
          .put("scope", by.scope())
          .put("kind", by.kind())
          .put("plugin", by.plugin())
          .put("version", by.version());
    }
    ArrayNode names = manifest.putArray("artifacts");
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
      put(zip, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
    }
    int index = 0;
    for (Map.Entry<String, byte[]> artifact : new TreeMap<>(trained.artifacts()).entrySet()) {
      String entry = ARTIFACTS + String.format(Locale.ROOT, "%04d.bin", index++);
      names
          .addObject()
          .put("entry", entry)
          .put("name", artifact.getKey())
          .put("sha256", ProjectHash.sha256(artifact.getValue()))
          .put("bytes", artifact.getValue().length);
      put(zip, entry, artifact.getValue());
    }
    put(zip, MANIFEST, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    zip.finish();
  }

  /**
   * Reads a zip that may be a trained model.
   *
   * @return the archive, or empty when the zip has no manifest (a plain project zip)
   * @throws InvalidModelArchive when the zip is truncated or damaged, the manifest is not JSON, or
   *     an artifact the manifest lists is missing or differs from its checksum
   * @throws dev.parley.core.bot.definition.BotDefinitionException when the project part cannot be
   *     read as a project
   */
  public static Optional<ModelArchive> read(byte[] zip) {
    ZipIntegrity.check(zip);
    Map<String, byte[]> entries = modelEntries(zip);
    byte[] manifestBytes = entries.get(MANIFEST);
    if (manifestBytes == null) {
      return Optional.empty();
    }
    JsonNode json;
    try {
      json = Json.mapper().readTree(manifestBytes);
    } catch (IOException e) {
      throw new InvalidModelArchive(MANIFEST + " is not JSON: " + e.getMessage());
    }
    if (json == null || !json.isObject()) {
      throw new InvalidModelArchive(MANIFEST + " is not a JSON object");
    }
    Manifest manifest = manifest(json);
    Map<String, byte[]> artifacts =
        readable(manifest.format()) ? artifacts(json, entries) : Map.of();
    return Optional.of(new ModelArchive(manifest, ProjectFiles.fromZip(zip), artifacts));
  }

  /** Whether the bytes start as a zip does (else they are no zip at all, not a damaged one). */
  public static boolean looksLikeZip(byte[] bytes) {
    return ZipIntegrity.looksLikeZip(bytes);
  }

  /** Whether this build reads the artifacts of a format (the server loads only {@link #FORMAT}). */
  public static boolean readable(String format) {
    return FORMAT.equals(format) || FORMAT_1.equals(format);
  }

  /** The version of this Parley build ({@code unversioned} in a development build). */
  public static String parleyVersion() {
    String version = ModelArchive.class.getPackage().getImplementationVersion();
    return version == null ? "unversioned" : version;
  }

  private static Manifest manifest(JsonNode json) {
    List<TrainedBy> trainedBy = new ArrayList<>();
    for (JsonNode by : json.path("trained_by")) {
      trainedBy.add(
          new TrainedBy(
              by.path("scope").asText(),
              by.path("kind").asText(),
              by.path("plugin").asText(),
              by.path("version").asText()));
    }
    return new Manifest(
        json.path("format").asText(""),
        json.path("bot").asText("bot"),
        json.path("trained_at").asText(""),
        json.path("parley_version").asText(""),
        Optional.of(json.path("project_sha256").asText("")).filter(h -> !h.isEmpty()),
        List.copyOf(trainedBy));
  }

  private static Map<String, byte[]> artifacts(JsonNode json, Map<String, byte[]> entries) {
    Map<String, byte[]> artifacts = new TreeMap<>();
    for (JsonNode named : json.path("artifacts")) {
      String entry = named.path("entry").asText();
      byte[] content = entries.get(entry);
      if (content == null || !entry.startsWith(ARTIFACTS)) {
        throw new InvalidModelArchive("the artifact entry '" + entry + "' is missing");
      }
      String sha256 = named.path("sha256").asText("");
      if (!sha256.isEmpty() && !sha256.equals(ProjectHash.sha256(content))) {
        throw new InvalidModelArchive("the artifact entry '" + entry + "' is damaged");
      }
      artifacts.put(named.path("name").asText(), content);
    }
    return artifacts;
  }

  /** The entries under {@code models/}, read completely (so that each entry's CRC is checked). */
  private static Map<String, byte[]> modelEntries(byte[] zip) {
    Map<String, byte[]> entries = new TreeMap<>();
    long total = 0;
    int count = 0;
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (++count > MAX_ENTRIES) {
          throw new InvalidModelArchive("the zip has more than " + MAX_ENTRIES + " entries");
        }
        String name = entry.getName().replace('\\', '/');
        byte[] content = in.readNBytes((int) MAX_ARTIFACT_BYTES + 1);
        if (content.length > MAX_ARTIFACT_BYTES) {
          throw new InvalidModelArchive("the entry '" + name + "' is larger than 100 MB");
        }
        in.transferTo(OutputStream.nullOutputStream());
        total += content.length;
        if (total > MAX_TOTAL_BYTES) {
          throw new InvalidModelArchive("the archive is larger than 256 MiB uncompressed");
        }
        if (name.startsWith("models/") && !entry.isDirectory()) {
          entries.put(name, content);
        }
      }
    } catch (IOException e) {
      throw new InvalidModelArchive("the zip is damaged: " + e.getMessage());
    }
    ZipIntegrity.checkCount(zip, count);
    return entries;
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
