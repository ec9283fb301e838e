/**
 * The JPA adapter of the tracker store: the event log (one encrypted row per turn) with group
 * commit and retries, snapshots, the conversation directory and re-encryption after a key rotation.
 * Rule: as {@code tracker}: only {@code tracker}, {@code crypto}, {@code db}, {@code json} and
 * {@code config}; only application services, never {@code rest}, may use it directly.
 */
package dev.parley.core.tracker.jpa;
