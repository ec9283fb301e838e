package dev.parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.bot.definition.ProjectFiles;
import dev.parley.core.json.Json;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.turn.StoryTestReport;
import dev.parley.core.turn.StoryTester;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains a bot project folder and runs its test stories ({@code tests/test_*.yml}) without a
 * server, for CI: prints one JSON report per bot and exits 0 when every story passed, 1 when one
 * failed, 2 when a project is invalid. Plugins: the built-in ones plus the jars of {@code
 * PARLEY_PLUGIN_DIR} if set.
 */
final class TestStoriesCommand {

  private TestStoriesCommand() {}

  /** {@code test-stories <bot folder>...}: runs the command; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println("usage: java -jar parley-cli.jar test-stories <bot folder>...");
      return 2;
    }
    String pluginDir = System.getenv().getOrDefault("PARLEY_PLUGIN_DIR", "");
    PluginRegistry registry =
        PluginRegistry.withPluginFolder(
            Path.of(pluginDir.isBlank() ? "no-plugin-folder" : pluginDir).toAbsolutePath());
    int status = 0;
    for (String arg : args) {
      Path folder = Path.of(arg);
      if (!Files.isDirectory(folder)) {
        err.println(arg + ": not a folder");
        return 2;
      }
      try {
        BotProject project = new BotProjectParser().parse(ProjectFiles.fromDirectory(folder));
        BotModel model =
            new BotAssembler(registry, TestStoriesCommand::unusedConnection)
                .assemble(
                    "cli", folder.getFileName().toString(), 1, project, new HashMap<>(), true);
        StoryTestReport report = StoryTester.run(model, project.testStories());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bot", arg);
        line.put("report", report);
        out.println(Json.mapper().writeValueAsString(line));
        if (report.passed() < report.total()) {
          status = Math.max(status, 1);
        }
      } catch (BotDefinitionException e) {
        e.errors()
            .forEach(
                problem ->
                    err.println(
                        arg
                            + "/"
                            + problem.file()
                            + ":"
                            + problem.line()
                            + ": "
                            + problem.message()));
        return 2;
      } catch (JsonProcessingException e) {
        err.println(arg + ": " + e.getOriginalMessage());
        return 2;
      }
    }
    return status;
  }

  /** Conversation tests send templates: a bot's LLM connection is never called here. */
  private static java.util.Optional<Map<String, Object>> unusedConnection(
      String tenant, String connection) {
    return java.util.Optional.of(
        Map.of("base_url", "http://127.0.0.1:9/unused", "model", "unused"));
  }
}
