/** Database failure handling: which failures are transient, and retrying them with backoff. */
package dev.parley.core.db;
