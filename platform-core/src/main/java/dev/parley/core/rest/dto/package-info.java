/**
 * The JSON bodies of the REST API as records: requests in, answers out. Names follow the core's
 * snake_case mapper; explicit {@code @JsonProperty} names and {@code @JsonInclude} rules keep the
 * wire shapes the console, the end-to-end tests and Rasa clients read.
 */
package dev.parley.core.rest.dto;
