/**
 * The built-in arbitration checks a generated reply must pass before it is sent. Rule: it uses no
 * other core package, so that both {@code bot} (which assembles a bot's checks) and {@code llm}
 * (which runs them) may use it.
 */
package dev.parley.core.replychecks;
