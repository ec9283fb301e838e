package dev.parley.core.admin;

import dev.parley.core.bot.BotService;
import dev.parley.core.tenant.BotVersionEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The project files stored with a bot version: reading them, comparing two, zipping them. */
final class StoredProject {

  private StoredProject() {}

  /** The version's project files by path. */
  static Map<String, String> files(BotVersionEntity version) {
    return BotService.projectFiles(version);
  }

  /** The paths whose content differs between two versions (added and removed included), sorted. */
  static List<String> changed(Map<String, String> before, Map<String, String> after) {
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    return names.stream().filter(n -> !Objects.equals(before.get(n), after.get(n))).toList();
  }

  /** The files as a zip archive. */
  static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
