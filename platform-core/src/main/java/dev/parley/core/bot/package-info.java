/**
 * Bots as trained, served models: the per-kind assemblers that turn a project into a {@link
 * dev.parley.core.bot.BotModel} through the plugins' typed factories, where an action runs ({@link
 * dev.parley.core.bot.ActionRoute}), the bot's NLU runtime, training jobs, stored versions and
 * their hot swap on every server. Rule: it may use {@code cluster}, {@code config}, {@code json},
 * {@code plugin}, {@code replychecks}, {@code tenant} and {@code tracker}; never {@code turn},
 * {@code nlu}, the adapters or the API.
 */
package dev.parley.core.bot;
