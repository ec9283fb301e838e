/**
 * Reading Rasa 3.x bot projects: files from a zip or a folder, YAML with line numbers, the domain,
 * config, NLU data, stories and rules, and validation that names the file and line of every
 * problem. Rule: as {@code bot}: it reads files, and uses no core package outside {@code bot}.
 */
package dev.parley.core.bot.definition;
