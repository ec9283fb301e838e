package dev.parley.core.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses a request whose {@code Host} header cannot be the authority of a URI ({@code Host:
 * 127.0.0.1, 10.0.0.1}) with the JSON 400 of the error page: the REST layer builds its base URI
 * from that header and would otherwise fail with a 500.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HostHeaderFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!validHost(request.getHeader("Host"))) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether the header (absent in HTTP/1.0: the server's own name is used) can be a URI's. */
  static boolean validHost(String host) {
    if (host == null) {
      return true;
    }
    try {
      new URI("http://" + host + "/");
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
