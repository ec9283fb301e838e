package dev.parley.core.bot;

import dev.parley.core.bot.definition.GeneratorSettings;
import dev.parley.plugin.response.ReplyCheck;
import dev.parley.plugin.response.ResponseGenerator;
import java.util.List;

/**
 * A bot's LLM generation: the generator worker, its settings and the checks its replies pass.
 *
 * @param pluginId the generator plugin's id
 * @param generator the worker
 * @param settings the bot's {@code parley.generator} settings
 * @param checks built-in checks first, then the bot's own
 */
public record ReplyGeneration(
    String pluginId,
    ResponseGenerator generator,
    GeneratorSettings settings,
    List<ReplyCheck> checks) {

  /** Copies the checks. */
  public ReplyGeneration {
    checks = List.copyOf(checks);
  }
}
