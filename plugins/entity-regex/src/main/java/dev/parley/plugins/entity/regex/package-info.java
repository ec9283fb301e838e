/** Entities found by the bot's regular expressions and lookup tables. */
package dev.parley.plugins.entity.regex;
