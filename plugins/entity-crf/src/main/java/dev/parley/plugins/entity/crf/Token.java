package dev.parley.plugins.entity.crf;

/**
 * A token of a message.
 *
 * @param text the token's text
 * @param start start offset, inclusive
 * @param end end offset, exclusive
 */
record Token(String text, int start, int end) {}
