/**
 * The server's own settings (data folder, plugin folder, cache and lock limits) read from
 * MicroProfile Config, whether the server may generate its secrets ({@link
 * dev.parley.core.config.SecretsPolicy}), and the preconditions checked first at start. Rule: it
 * uses no other core package.
 */
package dev.parley.core.config;
