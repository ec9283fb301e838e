/**
 * The conversation as plugins see it: Rasa's tracker events as immutable records (serialised with
 * Rasa's JSON names, e.g. {@code "event": "user"}) and a read-only {@link
 * dev.parley.plugin.conversation.ConversationView}.
 */
package dev.parley.plugin.conversation;
