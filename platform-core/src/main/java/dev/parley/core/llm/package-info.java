/**
 * LLM replies: phrasing a templated response with the bot's generator through the {@link
 * dev.parley.core.plugin.PluginGuard}, the request it is given (slots, memory), its reply checks,
 * the server's named LLM connections, and the reply metrics. Rule: it may use {@code bot}, {@code
 * config}, {@code json}, {@code plugin}, {@code replychecks} and {@code turn} (whose {@code
 * ReplyPhrasing} it implements); never {@code actionserver}, {@code admin} or {@code rest}.
 */
package dev.parley.core.llm;
