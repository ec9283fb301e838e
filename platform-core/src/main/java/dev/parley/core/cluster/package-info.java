/**
 * The Infinispan cache node and its JGroups cluster: member settings and discovery (listed, or
 * through DNS), the shared caches, and conversation leases across servers. Rule: it may use only
 * {@code config}; it knows no bot or conversation.
 */
package dev.parley.core.cluster;
