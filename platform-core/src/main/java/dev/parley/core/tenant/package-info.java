/**
 * Tenants and their bots in the database: the entities, plain repositories ({@code
 * TenantRepository} for tenants, {@code BotRepository} for bots, versions, artifacts and API key
 * hashes) that open no transaction, and the two small services that own the transactions of callers
 * below the admin layer ({@code TenantService}, {@code BotVersionPublisher}). Rule: it may use only
 * {@code config}, {@code crypto}, {@code db} and {@code json}; never {@code rest}, {@code admin} or
 * {@code bot}.
 */
package dev.parley.core.tenant;
