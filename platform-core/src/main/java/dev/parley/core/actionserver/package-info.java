/**
 * Custom actions on a bot's action server, over Rasa's action-server protocol: the request and
 * reply JSON and the HTTP call. Fault tolerance (MicroProfile timeout, retry and fallback
 * server-wide; a circuit breaker per bot) and the metrics are the {@link
 * dev.parley.core.plugin.PluginGuard}'s. Rule: it may use {@code bot}, {@code config}, {@code
 * json}, {@code plugin}, {@code tracker} and {@code turn} (whose {@code RemoteActions} it
 * implements); never {@code llm}, {@code nlu}, {@code admin} or {@code rest}.
 */
package dev.parley.core.actionserver;
