/**
 * How the server runs a bot's NLU: parsing with the re-check stages behind {@link
 * dev.parley.core.plugin.PluginGuard}, the parse cache per model version, and the NLU metrics. The
 * pipeline itself is {@link dev.parley.core.bot.NluPipeline}.
 */
package dev.parley.core.nlu;
