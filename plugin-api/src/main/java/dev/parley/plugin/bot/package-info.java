/**
 * Read-only views of a bot definition (a Rasa 3.x project) after the core parsed and validated it:
 * the {@link dev.parley.plugin.bot.Domain} and the {@link dev.parley.plugin.bot.TrainingData}.
 */
package dev.parley.plugin.bot;
