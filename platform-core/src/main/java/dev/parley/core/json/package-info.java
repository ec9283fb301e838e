/**
 * The one Jackson mapper of the core: Rasa's snake_case field names and event types. Rule: it uses
 * no other core package.
 */
package dev.parley.core.json;
