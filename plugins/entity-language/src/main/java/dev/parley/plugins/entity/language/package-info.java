/** Tells Chinese from other text, so bilingual bots can answer in the user's language. */
package dev.parley.plugins.entity.language;
