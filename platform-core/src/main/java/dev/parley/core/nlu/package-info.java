/**
 * How the server runs a bot's NLU: parsing with the re-check stages behind {@link
 * dev.parley.core.plugin.PluginGuard}, the parse cache per model version, the NLU metrics, and (in
 * {@code nlu.eval}) evaluation. The bot's assembled pipeline is {@link
 * dev.parley.core.bot.NluRuntime}. Rule: it may use {@code bot}, {@code cluster}, {@code config},
 * {@code json}, {@code plugin} and {@code tracker}; never {@code turn} or the adapters above it.
 */
package dev.parley.core.nlu;
