package dev.parley.core.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet whose {@code TRACE} answers the JSON 405 and never echoes the request. Liberty refuses
 * {@code TRACE}, before any filter, to every servlet that keeps {@code HttpServlet}'s echoing
 * {@code doTrace}, with a 403 of its own; declaring it lets the request reach {@code
 * MalformedRequestFilter}, and an error dispatch of a {@code TRACE} request reach the error page.
 */
public abstract class NoTraceServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doTrace(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ErrorPageServlet.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }
}
