/** Rasa's RulePolicy: short fixed dialogue patterns, forms as loops, and the core fallback. */
package dev.parley.plugins.policy.rule;
