package dev.parley.core.tracker.jpa;

import dev.parley.core.tracker.ConversationKey;
import dev.parley.plugin.conversation.Event;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One turn's events waiting to be written, and the future its request thread waits on.
 *
 * @param key the conversation
 * @param firstSequence the sequence number of the first event
 * @param events the events
 * @param done completed when the events are committed (or failed)
 */
record PendingAppend(
    ConversationKey key, int firstSequence, List<Event> events, CompletableFuture<Void> done) {}
