package dev.parley.core.rest;

import dev.parley.core.rest.dto.CallerDto;
import dev.parley.core.rest.dto.SignInRequest;
import dev.parley.core.rest.dto.SignedOutDto;
import dev.parley.core.security.ConsoleSessions;
import dev.parley.core.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Console sign-in ({@code POST}), who am I ({@code GET}) and sign-out ({@code DELETE}). */
@ApplicationScoped
@Tag(name = "admin")
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

  /**
   * Checks the password; sets the session cookie and returns the caller and CSRF token. Too many
   * failures for the user or the client address are answered with 429 and {@code Retry-After}.
   */
  @Operation(
      summary =
          "Signs in: checks the password, sets the session cookie and returns the CSRF token (429 after too many failures)")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signIn(
      SignInRequest request, @Context UriInfo uri, @Context HttpServletRequest servletRequest) {
    if (request == null || blank(request.user()) || blank(request.password())) {
      throw ApiError.badRequest("missing_credentials", "send {\"user\": ..., \"password\": ...}");
    }
    ConsoleSessions.SignedIn signedIn =
        sessions
            .signIn(request.user(), request.password(), servletRequest.getRemoteAddr())
            .orElseThrow(
                () ->
                    new ApiError(
                        401, "invalid_credentials", "wrong user name or password", List.of()));
    return Response.ok(CallerDto.from(signedIn.caller(), Optional.of(signedIn.expiresAt())))
        .cookie(cookie(signedIn.token(), (int) sessions.idleTimeout().toSeconds(), uri))
        .build();
  }

  /** The signed-in caller. */
  @Operation(summary = "The signed-in caller")
  @GET
  public CallerDto whoAmI() {
    return CallerDto.from(current.require(), Optional.empty());
  }

  /** Signs out: the session ends on the server and the cookie is cleared. */
  @Operation(summary = "Signs out: ends the session and clears the cookie")
  @DELETE
  public Response signOut(@CookieParam(ConsoleSessions.COOKIE) String token, @Context UriInfo uri) {
    if (token != null && !token.isBlank()) {
      sessions.signOut(token);
    }
    return Response.ok(new SignedOutDto(true)).cookie(cookie("", 0, uri)).build();
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

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
