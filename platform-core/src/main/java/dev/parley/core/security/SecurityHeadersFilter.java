package dev.parley.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response of the application: {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy: no-referrer}, and a Content-Security-Policy that forbids framing ({@code
 * frame-ancestors 'none'}, plus {@code X-Frame-Options: DENY} for old browsers). The console's
 * pages may load scripts, styles, images and API calls from the server itself only; everything else
 * (JSON) may load nothing. Supports asynchronous requests (a channel's long-polling waits without a
 * thread).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The console's policy: its own scripts and styles, API calls to the same server. */
  public static final String CONSOLE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** The policy of everything else (JSON, metrics): nothing to load, not to be framed. */
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean console = path.equals("/console") || path.startsWith("/console/");
    addTo(response, console ? CONSOLE_POLICY : API_POLICY);
    chain.doFilter(request, response);
  }

  /** Sets the headers with the given Content-Security-Policy (also used by the error page). */
  public static void addTo(HttpServletResponse response, String policy) {
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
  }
}
