package dev.parley.core.bot;

/**
 * A bot that serves: its active model and who may talk to it.
 *
 * @param model the active model version
 * @param apiKeyHash hash of the bot's API key
 * @param publicBot whether channel calls need no key
 */
public record LoadedBot(BotModel model, String apiKeyHash, boolean publicBot) {}
