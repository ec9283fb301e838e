package dev.parley.core.rest;

import dev.parley.core.ops.ErrorPageServlet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, with the error page's JSON 400 (written directly), requests that the REST layer or the
 * web container would otherwise answer with a 500 or an HTML page (all found by {@code
 * liberty/bench/fuzz.sh}): a {@code Host} header that cannot be a URI's authority, a broken {@code
 * %} escape in the query, a path whose escapes are not UTF-8, a {@code Content-Type} that is not a
 * media type, an {@code Accept} whose {@code q} is not a number, a {@code Content-Length} the
 * container cannot read. {@code TRACE} is refused with 405. Mapped first in web.xml, before every
 * other filter.
 */
public class MalformedRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          "\\s*"
              + TOKEN
              + "/"
              + TOKEN
              + "(\\s*;\\s*("
              + TOKEN
              + "\\s*=\\s*("
              + TOKEN
              + "|\"([^\"\\\\]|\\\\.)*\"))?)*\\s*");
  private static final Pattern QUALITY = Pattern.compile(";\\s*q\\s*=\\s*([^;,]*)");
  private static final Pattern ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("TRACE".equals(request.getMethod())) {
      ErrorPageServlet.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    if (!validHost(request.getHeader("Host"))
        || !validQuery(request.getQueryString())
        || !validPath(request.getRequestURI())
        || !validContentType(request.getHeader("Content-Type"))
        || !validAccept(request.getHeader("Accept"))
        || !validContentLength(request)) {
      // written here: the container's sendError fails on some of these headers itself
      ErrorPageServlet.write(response, HttpServletResponse.SC_BAD_REQUEST);
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

  /** Every {@code %} starts an escape of two hex digits. */
  static boolean validQuery(String query) {
    return query == null || !ESCAPE.matcher(query).find();
  }

  /** Every {@code %} starts an escape, and the escaped bytes are UTF-8. */
  static boolean validPath(String rawPath) {
    if (rawPath == null || rawPath.indexOf('%') < 0) {
      return true;
    }
    if (ESCAPE.matcher(rawPath).find()) {
      return false;
    }
    ByteBuffer bytes = ByteBuffer.allocate(rawPath.length() * 3);
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        bytes.put((byte) Integer.parseInt(rawPath.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    bytes.flip();
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A media type with parameters, if any. */
  static boolean validContentType(String contentType) {
    return contentType == null
        || contentType.isBlank()
        || MEDIA_TYPE.matcher(contentType).matches();
  }

  /** The container can read the {@code Content-Length} (it throws on some malformed ones). */
  private static boolean validContentLength(HttpServletRequest request) {
    try {
      request.getContentLengthLong();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Every {@code q} of the header is a number. */
  static boolean validAccept(String accept) {
    if (accept == null) {
      return true;
    }
    Matcher quality = QUALITY.matcher(accept);
    while (quality.find()) {
      try {
        Float.parseFloat(quality.group(1).strip());
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
