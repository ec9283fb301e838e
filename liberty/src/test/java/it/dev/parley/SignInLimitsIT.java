package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is limited: after ten failures for one user name (the default), sign-in is
 * answered with 429 and {@code Retry-After}, even with the right password; failures are counted in
 * {@code parley_signin_failures_total}. The per-address limit (50 by default) is checked by the
 * unit tests, since every test here signs in from the same address.
 */
class SignInLimitsIT {

  private static final String USER = "guessed-user";
  private final ParleyServer server = ParleyServer.shared();

  @Test
  void tooManyFailuresForAUserAre429WithRetryAfter() throws IOException {
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> wrong = signIn("guess-" + i);
      assertEquals(401, wrong.statusCode(), wrong.body());
    }
    HttpResponse<String> refused = signIn("guess-10");
    assertEquals(429, refused.statusCode(), refused.body());
    assertEquals("too_many_attempts", ParleyServer.json(refused).path("error").asText());
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= 900, "Retry-After " + retryAfter);

    String metrics = server.get("/metrics?scope=application").body();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                line ->
                    line.startsWith("parley_signin_failures_total")
                        && line.contains("reason=\"wrong_credentials\"")),
        metrics);
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                line ->
                    line.startsWith("parley_signin_failures_total")
                        && line.contains("reason=\"throttled\"")),
        metrics);
  }

  private HttpResponse<String> signIn(String password) throws IOException {
    return server.postJson(
        "/api/admin/session", "{\"user\":\"" + USER + "\",\"password\":\"" + password + "\"}");
  }
}
