package dev.parley.plugin;

import dev.parley.plugin.bot.Domain;

/** What the core hands a factory when it creates a worker for one bot. */
public interface PluginContext {

  /** The validated configuration of this pipeline entry. */
  PluginConfig config();

  /** The bot's language code from {@code config.yml} (e.g. {@code en}, {@code zh}). */
  String language();

  /** The bot's domain. */
  Domain domain();

  /** A stable name for the owning bot, {@code tenant/bot}, for logging only. */
  String botName();
}
