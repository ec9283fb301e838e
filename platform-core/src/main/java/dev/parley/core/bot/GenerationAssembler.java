package dev.parley.core.bot;

import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.bot.definition.GeneratorSettings;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.core.replychecks.BuiltInChecks;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.response.ReplyCheck;
import dev.parley.plugin.response.ReplyCheckFactory;
import dev.parley.plugin.response.ResponseGeneratorFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a bot's LLM generation from {@code parley.generator}: the generator plugin over the
 * server's settings of the named connection, with a client timeout just past the core's deadline,
 * and the reply checks (the built-in ones, then the bot's own).
 */
final class GenerationAssembler {

  private final LlmConnectionSettings connections;

  GenerationAssembler(LlmConnectionSettings connections) {
    this.connections = connections;
  }

  /** The bot's generation, if it configures one and it can be created. */
  Optional<ReplyGeneration> generation(PluginWorkers workers) {
    return workers
        .assembly()
        .project()
        .config()
        .parley()
        .generator()
        .flatMap(settings -> generation(workers, settings));
  }

  private Optional<ReplyGeneration> generation(PluginWorkers workers, GeneratorSettings settings) {
    Assembly assembly = workers.assembly();
    ComponentConfig component = settings.plugin();
    checkResponses(assembly, settings);
    Optional<RegisteredPlugin> plugin =
        workers.installed(PluginKind.RESPONSE_GENERATOR, component, "response generator", "");
    if (plugin.isEmpty()) {
      return Optional.empty();
    }
    Optional<Map<String, Object>> connection =
        connections.find(assembly, component, settings.connection());
    if (connection.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> params = new LinkedHashMap<>(component.params());
    params.putAll(connection.get());
    params.put("timeout_ms", LlmConnectionSettings.clientTimeoutMillis(settings.timeoutMillis()));
    ComponentConfig withConnection = component.withParams(params);
    List<ReplyCheck> checks = checks(workers, settings);
    return workers
        .create(plugin.get(), ResponseGeneratorFactory.class, withConnection, Optional.empty())
        .map(generator -> new ReplyGeneration(plugin.get().id(), generator, settings, checks));
  }

  /** Every response to rephrase must be defined by the domain. */
  private static void checkResponses(Assembly assembly, GeneratorSettings settings) {
    for (String response : settings.responses()) {
      if (!assembly.project().domain().responses().containsKey(response)) {
        assembly.error(
            settings.plugin(),
            "parley.generator.responses names '"
                + response
                + "', which the domain does not define");
      }
    }
  }

  /** The built-in checks for the reply length, then the bot's own check plugins. */
  private static List<ReplyCheck> checks(PluginWorkers workers, GeneratorSettings settings) {
    List<ReplyCheck> checks = new ArrayList<>(BuiltInChecks.forMaxChars(settings.maxReplyChars()));
    for (ComponentConfig check : settings.checks()) {
      workers
          .installed(PluginKind.REPLY_CHECK, check, "reply check", "")
          .flatMap(
              plugin -> workers.create(plugin, ReplyCheckFactory.class, check, Optional.empty()))
          .ifPresent(checks::add);
    }
    return checks;
  }
}
