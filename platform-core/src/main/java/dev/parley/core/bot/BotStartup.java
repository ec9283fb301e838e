package dev.parley.core.bot;

import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.ProjectFiles;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.tenant.TenantService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * What happens to bots when the server starts: stored bots are loaded, then the demo bot and the
 * projects under {@code PARLEY_BOTS_DIR} are imported (retrained only when their files changed).
 */
public final class BotStartup {

  private static final Logger LOG = Logger.getLogger(BotStartup.class.getName());
  private static final String DEMO_ROOT = "/demo-bot/";
  private static final List<String> DEMO_FILES =
      List.of(
          "domain.yml",
          "config.yml",
          "data/nlu.yml",
          "data/rules.yml",
          "data/stories.yml",
          "tests/test_stories.yml");

  private final BotService bots;
  private final TenantService tenants;
  private final ServerSettings settings;

  /** Wires the collaborators. */
  public BotStartup(BotService bots, TenantService tenants, ServerSettings settings) {
    this.bots = bots;
    this.tenants = tenants;
    this.settings = settings;
  }

  /** Loads and imports; a broken bot is logged and skipped, it never stops the others. */
  public void run() {
    bots.loadStoredBots();
    if (settings.demoBot()) {
      importBot("demo", "demo", demoFiles());
    }
    settings.botsDir().ifPresent(this::importDirectory);
  }

  private void importDirectory(Path root) {
    if (!Files.isDirectory(root)) {
      LOG.warning("PARLEY_BOTS_DIR " + root + " is not a directory; no bots imported from it");
      return;
    }
    for (Path tenantDir : list(root)) {
      for (Path botDir : list(tenantDir)) {
        importBot(
            tenantDir.getFileName().toString(),
            botDir.getFileName().toString(),
            ProjectFiles.fromDirectory(botDir));
      }
    }
  }

  private void importBot(String tenant, String bot, Map<String, String> files) {
    try {
      tenants.create(tenant);
      ImportResult result = bots.importProject(tenant, bot, files, true);
      result
          .apiKey()
          .ifPresent(
              key ->
                  LOG.info("bot " + tenant + "/" + bot + " created; its API key was issued once"));
      result
          .warnings()
          .forEach(
              w ->
                  LOG.info(
                      "bot "
                          + tenant
                          + "/"
                          + bot
                          + ": "
                          + w.file()
                          + ":"
                          + w.line()
                          + " "
                          + w.message()));
    } catch (BotDefinitionException e) {
      e.errors()
          .forEach(
              error ->
                  LOG.severe(
                      "bot "
                          + tenant
                          + "/"
                          + bot
                          + " not imported: "
                          + error.file()
                          + ":"
                          + error.line()
                          + " "
                          + error.message()));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "bot " + tenant + "/" + bot + " not imported", e);
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo bot's project files, shipped inside the application. */
  public static Map<String, String> demoFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : DEMO_FILES) {
      try (InputStream in = BotStartup.class.getResourceAsStream(DEMO_ROOT + name)) {
        if (in != null) {
          files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
