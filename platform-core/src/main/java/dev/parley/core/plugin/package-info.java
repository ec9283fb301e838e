/**
 * Plugins as the core sees them: discovery of built-in and third-party jars (pipeline plugins and
 * channel factories, through one class loader), the registry by kind and id, validation of a
 * component's settings against the plugin's declared ones, and the {@link
 * dev.parley.core.plugin.PluginGuard} every plugin call goes through (breaker, bulkhead and
 * deadline per tenant, bot, kind and plugin; MicroProfile Fault Tolerance as the server-wide bound;
 * metrics tagged by kind and plugin). Rule: it may use only {@code config}, so that any package may
 * guard its plugin calls.
 */
package dev.parley.core.plugin;
