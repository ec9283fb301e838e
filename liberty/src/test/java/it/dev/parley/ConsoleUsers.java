package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Console users of the tests: created over the admin API and signed in with a cookie session. */
final class ConsoleUsers {

  static final String PASSWORD = "a long enough password";

  /**
   * A signed-in console session.
   *
   * @param setCookie the server's whole {@code Set-Cookie} header
   * @param cookie the cookie to send back
   * @param csrf the session's CSRF token
   */
  record Session(String setCookie, String cookie, String csrf) {
    String[] headers() {
      return new String[] {"Cookie", cookie, "X-Parley-CSRF", csrf};
    }

    String[] cookieOnly() {
      return new String[] {"Cookie", cookie};
    }
  }

  private ConsoleUsers() {}

  static void create(ParleyServer server, String tenant, String user, String role)
      throws IOException {
    HttpResponse<String> response =
        server.put(
            "/api/admin/tenants/" + tenant + "/users/" + user,
            ("{\"role\":\"" + role + "\",\"password\":\"" + PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8),
            "application/json",
            ParleyServer.admin());
    assertEquals(201, response.statusCode(), response.body());
  }

  static Session signIn(ParleyServer server, String user) throws IOException {
    HttpResponse<String> response =
        server.postJson(
            "/api/admin/session", "{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(200, response.statusCode(), response.body());
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    String csrf = ParleyServer.json(response).path("csrf_token").asText();
    assertFalse(csrf.isBlank());
    return new Session(setCookie, setCookie.substring(0, setCookie.indexOf(';')), csrf);
  }
}
