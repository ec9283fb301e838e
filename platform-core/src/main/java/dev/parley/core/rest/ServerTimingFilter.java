package dev.parley.core.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Tells every API caller how long the server worked on its call, in a W3C {@code Server-Timing}
 * header ({@code app;dur=1.23}, milliseconds): the time from the request's arrival at the REST
 * layer until its answer was ready to be written. A client that compares it with the latency it saw
 * can tell the server's work from the network and HTTP handling (the NLU benchmark does).
 */
@Provider
@PreMatching
@Priority(1)
public class ServerTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /** The response header. */
  public static final String HEADER = "Server-Timing";

  private static final String STARTED = ServerTimingFilter.class.getName() + ".started";

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STARTED) instanceof Long started) {
      double millis = (System.nanoTime() - started) / 1e6;
      response.getHeaders().putSingle(HEADER, String.format(Locale.ROOT, "app;dur=%.3f", millis));
    }
  }
}
