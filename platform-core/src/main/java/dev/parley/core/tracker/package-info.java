/**
 * Conversations as event-sourced trackers: the tracker and its derived state, the {@link
 * dev.parley.core.tracker.ConversationRepository} (cache, else snapshot plus stored events; append
 * with evict-on-failure; snapshots), the store port and its JPA adapter in {@code tracker.jpa}, the
 * cache, the per-conversation locks, the tracker JSON of Rasa's API, and the start-up check that
 * the stored conversations' keys are configured. Rule: it may use only {@code cluster}, {@code
 * config}, {@code crypto}, {@code db} and {@code json}; it knows no bot, turn or API.
 */
package dev.parley.core.tracker;
