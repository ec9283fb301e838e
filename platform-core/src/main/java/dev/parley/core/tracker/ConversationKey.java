package dev.parley.core.tracker;

import java.io.Serializable;

/**
 * Identifies one conversation: a sender talking to one bot of one tenant.
 *
 * @param tenant tenant name
 * @param bot bot name
 * @param sender sender (conversation) id
 */
public record ConversationKey(String tenant, String bot, String sender) implements Serializable {}
