package dev.parley.core.ops;

import dev.parley.core.config.NluRoleSettings;
import dev.parley.core.config.WarmUpTraffic;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Recognises the start-up warm-up's requests, the one place that does, and marks the thread that
 * handles one as {@link WarmUpTraffic} until it is answered, so that no metric counts it: a request
 * with the open {@link WarmUpPass}'s key, and on an NLU server a parse call ({@code
 * /api/nlu/parse}) with the NLU key and the {@link WarmUpTraffic#HEADER} that a dialogue server's
 * warm-up sends. After the warm-up a request costs one field read here (and on a server with an NLU
 * key, one header lookup).
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class WarmUpRequests extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The NLU server's parse call, as servlet path and path info. */
  static final String NLU_PARSE_PATH = "/api/nlu/parse";

  @Inject private transient WarmUpPass pass;
  @Inject private transient NluRoleSettings role;

  /** For the web container, which injects the collaborators. */
  public WarmUpRequests() {}

  /** With the given collaborators (tests). */
  WarmUpRequests(WarmUpPass pass, NluRoleSettings role) {
    this.pass = pass;
    this.role = role;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!fromWarmUp(request)) {
      chain.doFilter(request, response);
      return;
    }
    try (WarmUpTraffic.Mark marked = WarmUpTraffic.mark()) {
      chain.doFilter(request, response);
    }
  }

  /** Whether the request is the warm-up's own, or a parse for a dialogue server's warm-up. */
  boolean fromWarmUp(HttpServletRequest request) {
    if (pass.isOpen()) {
      Optional<String> key = bearer(request.getHeader("Authorization"));
      if (key.isPresent() && pass.accepts(key.get())) {
        return true;
      }
    }
    Optional<String> nluKey = role.nluKey();
    return nluKey.isPresent()
        && request.getHeader(WarmUpTraffic.HEADER) != null
        && NLU_PARSE_PATH.equals(path(request))
        && sameText("Bearer " + nluKey.get(), request.getHeader("Authorization"));
  }

  private static Optional<String> bearer(String authorization) {
    return Optional.ofNullable(authorization)
        .filter(header -> header.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(header -> header.substring(7).trim());
  }

  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }

  private static boolean sameText(String expected, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
