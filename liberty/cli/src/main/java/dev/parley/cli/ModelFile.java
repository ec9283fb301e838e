package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained bot in one zip, as {@code parley train} writes it: the project's files at the root
 * (what the server's import reads, so the file is also a project zip) and, under {@code models/}
 * (which the server's import skips), the trained artefacts the server stores per version and a
 * manifest {@value #MANIFEST} naming them. Loading it restores the model without training.
 */
final class ModelFile {

  static final String MANIFEST = "models/parley-model.json";
  static final String FORMAT = "parley-model/1";
  private static final String ARTIFACTS = "models/artifacts/";

  private ModelFile() {}

  /**
   * A trained bot: its name, project files (path to text) and artefacts (name to bytes).
   *
   * @param bot the bot's name
   * @param files the project's files
   * @param artifacts the trained artefacts, by the name the assembler gave them
   */
  record Contents(String bot, Map<String, String> files, Map<String, byte[]> artifacts) {}

  /** Whether {@code path} may be a model file (a file, not a project folder); read checks it. */
  static boolean isModelFile(Path path) {
    return Files.isRegularFile(path);
  }

  /** Whether the zip has a model manifest (else it is a plain project zip). */
  static boolean hasManifest(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path);
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.getName().equals(MANIFEST)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Writes the model file. */
  static void write(Path out, Contents contents) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("bot", contents.bot());
    manifest.put("trained_at", Instant.now().toString());
    ArrayNode names = manifest.putArray("artifacts");
    try (OutputStream file = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> project : contents.files().entrySet()) {
        put(zip, project.getKey(), project.getValue().getBytes(StandardCharsets.UTF_8));
      }
      int index = 0;
      for (Map.Entry<String, byte[]> artifact : new TreeMap<>(contents.artifacts()).entrySet()) {
        String entry = ARTIFACTS + String.format(Locale.ROOT, "%04d.bin", index++);
        names.addObject().put("entry", entry).put("name", artifact.getKey());
        put(zip, entry, artifact.getValue());
      }
      put(
          zip,
          MANIFEST,
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    }
  }

  /**
   * Reads a model file.
   *
   * @throws IOException when it is not a readable zip or has no manifest
   */
  static Contents read(Path path) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Map<String, byte[]> entries = new TreeMap<>();
    try (InputStream in = Files.newInputStream(path);
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        if (name.contains("..") || name.startsWith("/")) {
          throw new IOException(path + ": the entry '" + name + "' points outside the project");
        }
        byte[] content = zip.readAllBytes();
        if (name.startsWith("models/")) {
          entries.put(name, content);
        } else {
          files.put(name, new String(content, StandardCharsets.UTF_8));
        }
      }
    }
    byte[] manifestBytes = entries.get(MANIFEST);
    if (manifestBytes == null) {
      throw new IOException(path + " is not a model file of parley train (no " + MANIFEST + ")");
    }
    JsonNode manifest = Json.mapper().readTree(manifestBytes);
    if (!FORMAT.equals(manifest.path("format").asText())) {
      throw new IOException(
          path + ": unknown model format '" + manifest.path("format").asText() + "'");
    }
    Map<String, byte[]> artifacts = new TreeMap<>();
    for (JsonNode named : manifest.path("artifacts")) {
      byte[] content = entries.get(named.path("entry").asText());
      if (content == null) {
        throw new IOException(path + ": missing " + named.path("entry").asText());
      }
      artifacts.put(named.path("name").asText(), content);
    }
    return new Contents(manifest.path("bot").asText("bot"), files, artifacts);
  }

  /** A zip of the project's files only: what the server's import takes. */
  static byte[] projectZip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        put(zip, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
