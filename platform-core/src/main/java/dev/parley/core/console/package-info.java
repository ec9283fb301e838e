/** Server-side helpers of the admin console that are not REST resources (dashboard history). */
package dev.parley.core.console;
