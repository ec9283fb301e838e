package dev.parley.core.rest;

import dev.parley.core.security.AdminCredentials;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/** Every {@code /api/admin/...} call needs HTTP Basic as {@code admin}. */
@Provider
public class AdminAuthFilter implements ContainerRequestFilter {

  // JAX-RS creates providers through a public no-argument constructor, so this one is
  // field-injected.
  @Inject private AdminCredentials credentials;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!(path.startsWith("admin") || path.startsWith("/admin"))) {
      return;
    }
    if (!credentials.accepts(
        Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION)))) {
      request.abortWith(
          Response.fromResponse(
                  ErrorBodies.of(
                      401,
                      "unauthorized",
                      "admin API: HTTP Basic authentication as 'admin' is required",
                      List.of()))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"parley\"")
              .build());
    }
  }
}
