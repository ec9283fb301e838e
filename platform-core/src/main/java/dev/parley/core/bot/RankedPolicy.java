package dev.parley.core.bot;

import dev.parley.plugin.policy.DialoguePolicy;

/**
 * A policy of a bot with its name and priority.
 *
 * @param name the plugin id, recorded on {@code action} events
 * @param priority tie-breaker, higher wins
 * @param policy the worker
 */
public record RankedPolicy(String name, int priority, DialoguePolicy policy) {}
