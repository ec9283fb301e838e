/**
 * Server-side helpers of the admin console that are not REST resources (dashboard history, masking
 * for viewers). Rule: it may use any package below the API; never {@code rest}, {@code admin} or
 * {@code ops}.
 */
package dev.parley.core.console;
