/**
 * Operations: health checks, readiness, the per-turn log line and turn metrics, start-up (its
 * checks, and the refusal that ends the process), the native-library cache, and the JSON error page
 * of the web container. Rule: it may use the packages below the API; never {@code rest}, {@code
 * admin} or {@code console}.
 */
package dev.parley.core.ops;
