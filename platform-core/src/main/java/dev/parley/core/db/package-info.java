/**
 * Database failure handling: which failures are transient, and retrying them with backoff. Rule: it
 * may use only {@code config}.
 */
package dev.parley.core.db;
