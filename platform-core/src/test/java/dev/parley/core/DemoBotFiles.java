package dev.parley.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shipped demo bot's files, read from the classpath as the server reads them. */
public final class DemoBotFiles {

  private DemoBotFiles() {}

  public static Map<String, String> load() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name :
        List.of(
            "domain.yml",
            "config.yml",
            "data/nlu.yml",
            "data/rules.yml",
            "data/stories.yml",
            "tests/test_stories.yml")) {
      try (InputStream in = DemoBotFiles.class.getResourceAsStream("/demo-bot/" + name)) {
        files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
