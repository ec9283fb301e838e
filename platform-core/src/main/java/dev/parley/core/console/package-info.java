/**
 * Server-side helpers of the admin console that are not REST resources (dashboard history, masking
 * for viewers).
 */
package dev.parley.core.console;
