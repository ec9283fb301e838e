package dev.parley.core.rest;

import dev.parley.core.rest.dto.SignInRequest;
import dev.parley.core.security.Caller;
import dev.parley.core.security.ConsoleSessions;
import dev.parley.core.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Console sign-in ({@code POST}), who am I ({@code GET}) and sign-out ({@code DELETE}). */
@ApplicationScoped
@Path("admin/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  private ConsoleSessions sessions;
  private CurrentCaller current;

  /** For CDI proxies. */
  protected SessionResource() {}

  /** Wires the collaborators. */
  @Inject
  public SessionResource(ConsoleSessions sessions, CurrentCaller current) {
    this.sessions = sessions;
    this.current = current;
  }

  /** Checks the password; sets the session cookie and returns the caller and CSRF token. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signIn(SignInRequest request, @Context UriInfo uri) {
    if (request == null || blank(request.user()) || blank(request.password())) {
      throw ApiError.badRequest("missing_credentials", "send {\"user\": ..., \"password\": ...}");
    }
    ConsoleSessions.SignedIn signedIn =
        sessions
            .signIn(request.user(), request.password())
            .orElseThrow(
                () ->
                    new ApiError(
                        401, "invalid_credentials", "wrong user name or password", List.of()));
    Map<String, Object> body = describe(signedIn.caller());
    body.put("expires_at", signedIn.expiresAt().toString());
    return Response.ok(body)
        .cookie(cookie(signedIn.token(), (int) sessions.idleTimeout().toSeconds(), uri))
        .build();
  }

  /** The signed-in caller. */
  @GET
  public Map<String, Object> whoAmI() {
    return describe(current.require());
  }

  /** Signs out: the session ends on the server and the cookie is cleared. */
  @DELETE
  public Response signOut(@CookieParam(ConsoleSessions.COOKIE) String token, @Context UriInfo uri) {
    if (token != null && !token.isBlank()) {
      sessions.signOut(token);
    }
    return Response.ok(Map.of("signed_out", true)).cookie(cookie("", 0, uri)).build();
  }

  private static NewCookie cookie(String value, int maxAge, UriInfo uri) {
    return new NewCookie.Builder(ConsoleSessions.COOKIE)
        .value(value)
        .path("/api/admin")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure("https".equalsIgnoreCase(uri.getBaseUri().getScheme()))
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  private static Map<String, Object> describe(Caller caller) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user", caller.user());
    body.put("role", caller.role().jsonName());
    body.put("tenant", caller.tenant().orElse(null));
    body.put("csrf_token", caller.csrfToken().orElse(null));
    return body;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
