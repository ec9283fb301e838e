/**
 * Contract tests for plugins: one abstract JUnit 5 class per extension point, which a plugin's own
 * test extends with its factory (and, where the defaults do not fit, its training data and sample
 * inputs) to check what plugin-api promises of every plugin of that kind.
 */
package dev.parley.plugins.testkit.contract;
