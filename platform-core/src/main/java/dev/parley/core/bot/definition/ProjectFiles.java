package dev.parley.core.bot.definition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads a bot project's text files from a zip or a folder. */
public final class ProjectFiles {

  private static final int MAX_ENTRIES = 2_000;
  private static final long MAX_BYTES = 20L << 20;
  private static final List<String> SKIPPED_DIRS = List.of("__MACOSX/", "models/", "results/");

  private ProjectFiles() {}

  /** The project files in a zip (a single top-level folder is stripped). */
  public static Map<String, String> fromZip(byte[] zip) {
    Map<String, String> files = new TreeMap<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = nextEntry(in)) != null) {
        if (++entries > MAX_ENTRIES) {
          throw invalid("the zip has more than " + MAX_ENTRIES + " entries");
        }
        String name = entry.getName().replace('\\', '/');
        if (name.contains("..") || name.startsWith("/")) {
          throw invalid("the zip entry '" + name + "' points outside the project");
        }
        byte[] content = in.readNBytes((int) Math.min(MAX_BYTES - total + 1, Integer.MAX_VALUE));
        total += content.length;
        if (total > MAX_BYTES) {
          throw invalid("the project is larger than 20 MiB uncompressed");
        }
        if (!entry.isDirectory()) {
          files.put(name, new String(content, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw invalid("the body is not a readable zip file: " + e.getMessage());
    }
    if (entries == 0) {
      throw invalid("the body is not a zip file, or the zip is empty");
    }
    return keepProjectFiles(stripCommonFolder(files));
  }

  /** The next entry; a name that is not UTF-8 is a bad zip, not a server error. */
  private static ZipEntry nextEntry(ZipInputStream in) throws IOException {
    try {
      return in.getNextEntry();
    } catch (IllegalArgumentException e) {
      throw invalid("the body is not a readable zip file: an entry's name is not UTF-8");
    }
  }

  /** The project files below a folder. */
  public static Map<String, String> fromDirectory(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(path).toString().replace('\\', '/');
        files.put(name, Files.readString(path, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bot folder " + dir, e);
    }
    return keepProjectFiles(files);
  }

  private static Map<String, String> stripCommonFolder(Map<String, String> files) {
    String first = files.keySet().stream().findFirst().orElse("");
    int slash = first.indexOf('/');
    if (slash < 0) {
      return files;
    }
    String prefix = first.substring(0, slash + 1);
    if (!files.keySet().stream().allMatch(name -> name.startsWith(prefix))) {
      return files;
    }
    Map<String, String> stripped = new TreeMap<>();
    files.forEach((name, text) -> stripped.put(name.substring(prefix.length()), text));
    return stripped;
  }

  private static Map<String, String> keepProjectFiles(Map<String, String> files) {
    Map<String, String> kept = new TreeMap<>();
    files.forEach(
        (name, text) -> {
          String base = name.substring(name.lastIndexOf('/') + 1);
          boolean skipped =
              base.startsWith(".")
                  || name.contains("/.")
                  || SKIPPED_DIRS.stream()
                      .anyMatch(dir -> name.startsWith(dir) || name.contains("/" + dir));
          boolean text_ = base.matches(".*\\.(ya?ml|md|json|txt)$");
          if (!skipped && text_) {
            kept.put(name, text);
          }
        });
    return kept;
  }

  private static BotDefinitionException invalid(String message) {
    return new BotDefinitionException(List.of(new ValidationMessage("(zip)", 0, message)));
  }
}
