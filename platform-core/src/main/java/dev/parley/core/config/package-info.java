/**
 * The server's own settings (data folder, plugin folder, cache and lock limits) read from
 * MicroProfile Config, whether the server may generate its secrets ({@link
 * dev.parley.core.config.SecretsPolicy}), the preconditions checked first at start, and the mark of
 * the start-up warm-up's own requests that every metric recorder checks ({@link
 * dev.parley.core.config.WarmUpTraffic}). Rule: it uses no other core package.
 */
package dev.parley.core.config;
