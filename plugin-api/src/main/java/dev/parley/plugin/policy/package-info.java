/** Dialogue policies: they decide which action runs next. */
package dev.parley.plugin.policy;
