/**
 * Reading Rasa 3.x bot projects: files from a zip or a folder, YAML with line numbers, the domain,
 * config, NLU data, stories and rules, and validation that names the file and line of every
 * problem.
 */
package dev.parley.core.bot.definition;
