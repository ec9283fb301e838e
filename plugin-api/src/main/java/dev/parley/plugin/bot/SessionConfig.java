package dev.parley.plugin.bot;

/**
 * The domain's {@code session_config}.
 *
 * @param expirationMinutes minutes of inactivity after which a new session starts (0: never)
 * @param carryOverSlots whether slots are kept in a new session
 */
public record SessionConfig(double expirationMinutes, boolean carryOverSlots) {}
