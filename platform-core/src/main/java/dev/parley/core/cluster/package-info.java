/**
 * The Infinispan cache node and its JGroups cluster: member settings, the shared caches, and
 * conversation leases across servers. Rule: it may use only {@code config}; it knows no bot or
 * conversation.
 */
package dev.parley.core.cluster;
