package dev.parley.core.ops;

import dev.parley.core.json.Json;
import dev.parley.core.security.SecurityHeadersFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error page of the whole web application (web.xml): errors the web container answers itself
 * (unknown paths outside {@code /api}, methods a servlet does not serve, request URIs with encoded
 * slashes or dots, uncaught exceptions) get the same JSON body as the API's errors, {@code
 * {"error": code, "message": reason}}, and never an exception's text.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends NoTraceServlet {
  private static final long serialVersionUID = 1L;

  /** Where web.xml sends errors. */
  public static final String PATH = "/error-page";

  /** {@code RequestDispatcher.ERROR_METHOD} of Servlet 6.1. */
  private static final String ERROR_METHOD = "jakarta.servlet.error.method";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer given && given >= 400 ? given : 404;
    // the container's 501 for a method no servlet knows (PATCH /status, FOO /version), and its 403
    // for TRACE on a servlet without its own doTrace (it refuses to echo the request): the method
    // is not allowed at that address, as JAX-RS and MalformedRequestFilter answer it
    if (status == HttpServletResponse.SC_NOT_IMPLEMENTED || "TRACE".equals(method(request))) {
      status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
    }
    // a request body that broke off or whose framing is wrong (chunks, lengths), or a query the
    // container cannot parse, is the client's
    if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
        && readFailure(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      status = HttpServletResponse.SC_BAD_REQUEST;
    }
    write(response, status);
  }

  /** The failed request's method (Servlet 6.1 dispatches errors as GET and keeps it apart). */
  private static String method(HttpServletRequest request) {
    return request.getAttribute(ERROR_METHOD) instanceof String method
        ? method
        : request.getMethod();
  }

  /**
   * Answers with the JSON error body of a status, without the container's {@code sendError} (which
   * itself fails on some malformed request headers).
   */
  public static void write(HttpServletResponse response, int status) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    // requests the web container rejects before any filter (encoded slashes) get them here
    SecurityHeadersFilter.addTo(response, SecurityHeadersFilter.API_POLICY);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", ErrorCodes.code(status));
    body.put("message", ErrorCodes.reason(status));
    Json.mapper().writeValue(response.getOutputStream(), body);
  }

  /**
   * An I/O failure (a body that broke off, bad chunks), or the container's own parser refusing a
   * part of the request (an {@code IllegalArgumentException} thrown by its request classes).
   */
  private static boolean readFailure(Object thrown) {
    for (Object cause = thrown;
        cause instanceof Throwable throwable;
        cause = throwable.getCause() == throwable ? null : throwable.getCause()) {
      if (throwable instanceof IOException) {
        return true;
      }
      if (throwable instanceof IllegalArgumentException
          && throwable.getStackTrace().length > 0
          && throwable
              .getStackTrace()[0]
              .getClassName()
              .startsWith("com.ibm.wsspi.webcontainer.")) {
        return true;
      }
    }
    return false;
  }
}
