package dev.parley.core.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Rasa's {@code --auth-token} as Parley reads it: the {@code token} query parameter carries a bot's
 * API key, and counts as the {@code Authorization: Bearer} header the bot's API checks.
 */
final class RasaToken {

  private static final String AUTHORIZATION = "Authorization";
  private static final String BEARER = "Bearer ";

  private RasaToken() {}

  /** The {@code token} parameter of a query string, if it has a non-empty one. */
  static Optional<String> fromQuery(String query) {
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (name.equals("token") && equals > 0) {
        String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The key of a request's {@code Authorization: Bearer} header, if it has one. */
  static Optional<String> bearer(HttpServletRequest request) {
    return Optional.ofNullable(request.getHeader(AUTHORIZATION))
        .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        .map(header -> header.substring(BEARER.length()).trim())
        .filter(key -> !key.isEmpty());
  }

  /** A request with an {@code Authorization: Bearer <token>} header added. */
  static final class BearerRequest extends HttpServletRequestWrapper {
    private final String authorization;

    BearerRequest(HttpServletRequest request, String token) {
      super(request);
      this.authorization = BEARER + token;
    }

    @Override
    public String getHeader(String name) {
      return AUTHORIZATION.equalsIgnoreCase(name) ? authorization : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return AUTHORIZATION.equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(authorization))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
      if (names.stream().noneMatch(AUTHORIZATION::equalsIgnoreCase)) {
        names.add(AUTHORIZATION);
      }
      return Collections.enumeration(names);
    }
  }
}
