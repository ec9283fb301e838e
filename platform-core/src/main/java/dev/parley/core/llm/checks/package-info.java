/** The built-in arbitration checks a generated reply must pass before it is sent. */
package dev.parley.core.llm.checks;
