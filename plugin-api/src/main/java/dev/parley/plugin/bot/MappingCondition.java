package dev.parley.plugin.bot;

/**
 * When a slot mapping applies: the given loop is active and, if set, the given slot is requested.
 *
 * @param activeLoop the loop that must be active ({@code null}: no loop may be active)
 * @param requestedSlot the slot the loop must be asking for, or {@code null} for any
 */
public record MappingCondition(String activeLoop, String requestedSlot) {}
