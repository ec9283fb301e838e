package dev.parley.plugin.response;

import dev.parley.plugin.conversation.ConversationView;

/**
 * What a generator is asked to phrase.
 *
 * @param responseName the domain response the policy chose
 * @param templateText the template text after slot substitution
 * @param conversation the conversation so far
 */
public record ResponseRequest(
    String responseName, String templateText, ConversationView conversation) {}
