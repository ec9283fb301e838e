/**
 * The JAX-RS adapters: resources that check a request, call one service and answer with a record
 * from {@code rest.dto}, plus the filters, error mappers and JSON provider. Nothing else in the
 * core may import it, and it must not import {@code tracker.jpa} or use an {@code EntityManager}.
 */
package dev.parley.core.rest;
