package dev.parley.cli;

import dev.parley.core.bot.AssembledModel;
import dev.parley.core.bot.ModelArchive;
import dev.parley.core.bot.definition.BotDefinitionException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained bot in one zip, as {@code parley train} writes it: the format of the core's {@link
 * ModelArchive} (the project's files at the root, so the file is also a project zip, and under
 * {@code models/} the trained artefacts and a manifest with the project's hash and the plugin
 * versions that trained them). Loading it restores the model without training; the server's import
 * loads it too when it is valid there.
 */
final class ModelFile {

  static final String MANIFEST = ModelArchive.MANIFEST;
  static final String FORMAT = ModelArchive.FORMAT;

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

  /** Writes the model file of a bot trained from {@code files}. */
  static void write(Path out, String bot, Map<String, String> files, AssembledModel trained)
      throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
      ModelArchive.write(file, bot, files, trained);
    }
  }

  /**
   * Reads a model file.
   *
   * @throws IOException when it is not a whole zip, has no manifest or a format this build does not
   *     read, or an artefact is missing or damaged
   */
  static Contents read(Path path) throws IOException {
    ModelArchive archive;
    try {
      archive =
          ModelArchive.read(Files.readAllBytes(path))
              .orElseThrow(
                  () ->
                      new IOException(
                          path + " is not a model file of parley train (no " + MANIFEST + ")"));
    } catch (ModelArchive.InvalidModelArchive | BotDefinitionException unreadable) {
      throw new IOException(path + ": " + unreadable.getMessage());
    }
    String format = archive.manifest().format();
    if (!ModelArchive.readable(format)) {
      throw new IOException(path + ": unknown model format '" + format + "'");
    }
    return new Contents(archive.manifest().bot(), archive.files(), archive.artifacts());
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
