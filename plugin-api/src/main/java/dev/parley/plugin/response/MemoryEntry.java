package dev.parley.plugin.response;

import java.util.Objects;

/**
 * One line of conversation memory: what the user said, what the bot said, or a slot that changed.
 * Slot changes sit between the messages in the order they happened, so a model sees the structured
 * state and the chat history together.
 *
 * @param role who or what the line is about
 * @param text the message text, or {@code slot = value} for a slot change
 */
public record MemoryEntry(Role role, String text) {

  /** The kind of a memory line. */
  public enum Role {
    /** The user's message. */
    USER,
    /** The bot's message. */
    BOT,
    /** A slot was set or cleared. */
    SLOT
  }

  /** Checks the entry. */
  public MemoryEntry {
    Objects.requireNonNull(role, "role");
    text = text == null ? "" : text;
  }
}
