package dev.parley.core.rest;

import dev.parley.core.config.NluRoleSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * On an NLU server ({@code PARLEY_ROLE=nlu}) the API answers only parse calls ({@code nlu/...});
 * every other API path is 404 {@code nlu_role}. A dialogue or full server is not affected.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class NluRoleFilter implements ContainerRequestFilter {

  // JAX-RS creates providers through a public no-argument constructor.
  @Inject private NluRoleSettings role;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!role.nluOnly()) {
      return;
    }
    List<PathSegment> segments = request.getUriInfo().getPathSegments(true);
    String first = segments.isEmpty() ? "" : segments.get(0).getPath();
    if (!first.equals("nlu")) {
      request.abortWith(
          ErrorBodies.of(
              404,
              "nlu_role",
              "this server only parses for dialogue servers (PARLEY_ROLE=nlu)",
              List.of()));
    }
  }
}
