package dev.parley.core.bot;

import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.bot.Domain;

/** What a factory gets when the core creates a worker for one bot. */
record BotContext(PluginConfig config, String language, Domain domain, String botName)
    implements PluginContext {}
