/**
 * Custom actions on a bot's action server, over Rasa's action-server protocol: the request and
 * reply JSON, the HTTP call, and the fault tolerance around it (MicroProfile timeout, retry and
 * fallback server-wide; a Resilience4j circuit breaker per bot) with its metrics.
 */
package dev.parley.core.actionserver;
