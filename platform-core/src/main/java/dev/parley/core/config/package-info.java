/**
 * The server's own settings (data folder, plugin folder, cache and lock limits) read from
 * MicroProfile Config. Rule: it uses no other core package.
 */
package dev.parley.core.config;
