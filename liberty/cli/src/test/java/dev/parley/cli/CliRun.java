package dev.parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** One run of the command line in this process: its exit status and what it printed. */
record CliRun(int status, String out, String err) {

  /** Rasa's moodbot, as the end-to-end tests import it. */
  static final Path MOODBOT = Path.of("../src/test/resources/bots/moodbot");

  /** A project whose stories use an intent and a response that do not exist. */
  static final Path BROKEN = Path.of("../src/test/resources/bots/broken");

  static CliRun of(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A copy of a project folder that a test may change. */
  static Path copy(Path project, Path into) throws IOException {
    try (Stream<Path> files = Files.walk(project)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = into.resolve(project.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return into;
  }
}
