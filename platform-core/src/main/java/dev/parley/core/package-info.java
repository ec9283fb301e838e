/**
 * Parley's core: the WAR that hosts tenants' bots. Sub-packages by job: {@code rest} (thin JAX-RS
 * adapters), {@code turn} (the per-message pipeline), {@code tracker} (event-sourced conversation
 * state, its store and cache), {@code bot} (assembling, training and activating bots), {@code
 * plugin} (discovery and configuration of plugins), {@code tenant} (tenants, bots, keys), {@code
 * ops} (health, metrics, logs).
 */
package dev.parley.core;
