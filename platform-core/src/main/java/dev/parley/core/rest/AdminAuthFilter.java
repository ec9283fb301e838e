package dev.parley.core.rest;

import dev.parley.core.security.AccessPolicy;
import dev.parley.core.security.AdminCredentials;
import dev.parley.core.security.Caller;
import dev.parley.core.security.ConsoleSessions;
import dev.parley.core.security.CurrentCaller;
import dev.parley.core.security.ExternalIdentity;
import dev.parley.core.security.SignInThrottle;
import dev.parley.core.security.SignInThrottledException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every {@code /api/admin/...} call is authenticated — HTTP Basic as {@code admin} (scripts), or
 * the console's session cookie, which must come with the session's CSRF token in {@value
 * #CSRF_HEADER} on anything but GET/HEAD — and then checked by {@link AccessPolicy}. Signing in
 * ({@code POST admin/session}) is the one call without a caller. It runs before the call is matched
 * to a resource, so nothing about an admin path is answered to an unauthenticated caller. Wrong
 * HTTP Basic passwords count towards the {@link SignInThrottle}'s limits, as wrong sign-ins do.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

  /** The header that carries the session's CSRF token. */
  public static final String CSRF_HEADER = "X-Parley-CSRF";

  /** The header the console sends on every call (no HTTP Basic challenge is answered to it). */
  public static final String CLIENT_HEADER = "X-Parley-Client";

  // JAX-RS creates providers through a public no-argument constructor, so these are
  // field-injected.
  @Inject private AdminCredentials credentials;
  @Inject private ConsoleSessions sessions;
  @Inject private CurrentCaller current;
  @Inject private SignInThrottle throttle;
  @Context private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> segments =
        request.getUriInfo().getPathSegments(true).stream()
            .map(PathSegment::getPath)
            .filter(s -> !s.isEmpty())
            .toList();
    if (segments.isEmpty() || !segments.get(0).equals("admin")) {
      return;
    }
    String method = request.getMethod();
    if (segments.size() == 2 && segments.get(1).equals("session") && method.equals("POST")) {
      return;
    }
    Optional<Caller> caller;
    try {
      caller = authenticate(request);
    } catch (SignInThrottledException e) {
      request.abortWith(ErrorMappers.tooManyAttempts(e));
      return;
    }
    if (caller.isEmpty()) {
      Response.ResponseBuilder refused =
          Response.fromResponse(
              ErrorBodies.of(
                  401,
                  "unauthorized",
                  "admin API: sign in, or use HTTP Basic authentication as 'admin'",
                  List.of()));
      // the console says who it is, so that browsers do not pop up their own password dialog
      if (request.getHeaderString(CLIENT_HEADER) == null) {
        refused.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"parley\"");
      }
      request.abortWith(refused.build());
      return;
    }
    if (caller.get().csrfToken().isPresent()
        && !AccessPolicy.safe(method)
        && !csrfMatches(caller.get().csrfToken().get(), request.getHeaderString(CSRF_HEADER))) {
      request.abortWith(
          ErrorBodies.of(
              403,
              "csrf_token_missing",
              "a signed-in call that changes something needs the session's token in " + CSRF_HEADER,
              List.of()));
      return;
    }
    switch (AccessPolicy.decide(caller.get(), method, segments)) {
      case ALLOW -> current.set(caller.get());
      case HIDDEN ->
          request.abortWith(ErrorBodies.of(404, "not_found", "tenant not found", List.of()));
      case FORBIDDEN ->
          request.abortWith(
              ErrorBodies.of(
                  403,
                  "forbidden",
                  "your role (" + caller.get().role().jsonName() + ") may not do this",
                  List.of()));
    }
  }

  private Optional<Caller> authenticate(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String address = servletRequest.getRemoteAddr();
      throttle.check(AdminCredentials.ADMIN_USER, address);
      if (!credentials.accepts(Optional.of(authorization))) {
        throttle.failed(AdminCredentials.ADMIN_USER, address);
        return Optional.empty();
      }
      throttle.succeeded(AdminCredentials.ADMIN_USER);
      return Optional.of(Caller.basicAdmin());
    }
    // a bearer token Liberty's mpJwt feature verified (an external identity provider)
    if (request.getSecurityContext() != null
        && request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
      return ExternalIdentity.fromGroups(token.getName(), token.getGroups());
    }
    if (authorization != null) {
      return Optional.empty();
    }
    Cookie cookie = request.getCookies().get(ConsoleSessions.COOKIE);
    if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
      return Optional.empty();
    }
    return sessions.lookup(cookie.getValue());
  }

  private static boolean csrfMatches(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
