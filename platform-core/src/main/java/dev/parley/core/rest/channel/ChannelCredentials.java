package dev.parley.core.rest.channel;

import dev.parley.core.admin.BotAdminService;
import dev.parley.core.bot.LoadedBot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The channel sections of a bot's {@code credentials.yml}, as Rasa reads them: a channel is on when
 * its name is a top-level key (with or without settings). Read once per bot version.
 */
@ApplicationScoped
public class ChannelCredentials {

  static final String FILE = "credentials.yml";
  private static final Logger LOG = Logger.getLogger(ChannelCredentials.class.getName());

  private BotAdminService bots;
  private final Map<String, Map<String, Map<String, Object>>> byVersion = new ConcurrentHashMap<>();

  /** For CDI proxies. */
  protected ChannelCredentials() {}

  /** Reads the files of the serving versions. */
  @Inject
  public ChannelCredentials(BotAdminService bots) {
    this.bots = bots;
  }

  /** The settings of a channel for the bot, if its {@code credentials.yml} turns it on. */
  public Optional<Map<String, Object>> settings(LoadedBot bot, String channel) {
    String key = bot.model().tenant() + "/" + bot.model().bot() + "/" + bot.model().version();
    Map<String, Map<String, Object>> sections =
        byVersion.computeIfAbsent(
            key,
            ignored ->
                sections(
                    bots.files(bot.model().tenant(), bot.model().bot(), bot.model().version())
                        .files()
                        .get(FILE),
                    key));
    return Optional.ofNullable(sections.get(channel));
  }

  /** The channel sections of a {@code credentials.yml} text (none when absent or not a map). */
  static Map<String, Map<String, Object>> sections(String text, String where) {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return sections;
    }
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      LOG.warning(() -> where + ": " + FILE + " is not valid YAML; no channels: " + e.getMessage());
      return sections;
    }
    if (!(root instanceof Map<?, ?> map)) {
      return sections;
    }
    map.forEach(
        (name, value) -> {
          Map<String, Object> settings = new LinkedHashMap<>();
          if (value instanceof Map<?, ?> values) {
            values.forEach(
                (k, v) -> {
                  if (v != null) {
                    settings.put(String.valueOf(k), v);
                  }
                });
          }
          sections.put(String.valueOf(name), settings);
        });
    return sections;
  }
}
