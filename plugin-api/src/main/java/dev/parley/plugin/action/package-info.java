/** Custom actions that run inside the server. */
package dev.parley.plugin.action;
