package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Errors the web container answers itself — outside JAX-RS — are JSON like the API's errors, with
 * no stack trace or class name; and every response carries the security headers (the console's with
 * its Content-Security-Policy).
 */
class WebErrorsIT {

  private final ParleyServer server = ParleyServer.shared();
  // HTTP/1.1 only: after Liberty rejects a URI on a connection upgraded to HTTP/2 (h2c, which
  // Java's client tries by default), later requests on that connection hang
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void encodedSlashesInThePathAreAJsonError() throws IOException {
    HttpResponse<String> response =
        send("GET", "/api/tenants/demo/bots/demo/conversations/..%2F..%2Fadmin/tracker");
    assertJsonError(response);
    assertTrue(response.statusCode() == 400 || response.statusCode() == 404, response.body());
    assertJsonError(send("GET", "/api/admin/tenants/%2E%2E/bots"));
    assertJsonError(send("GET", "/console/..%5C..%5Cserver.xml"));
  }

  @Test
  void unknownPathsOutsideTheApiAreJson404() throws IOException {
    HttpResponse<String> response = send("GET", "/no/such/page");
    assertEquals(404, response.statusCode(), response.body());
    assertJsonError(response);
    assertEquals("not_found", ParleyServer.json(response).path("error").asText());
  }

  @Test
  void wrongMethodsAreJsonErrors() throws IOException {
    HttpResponse<String> delete = send("DELETE", "/version");
    assertEquals(405, delete.statusCode(), delete.body());
    assertJsonError(delete);
    assertEquals("method_not_allowed", ParleyServer.json(delete).path("error").asText());
    assertJsonError(send("POST", "/status"));
    // a method the web container does not know is 405 like the others, not its 501
    HttpResponse<String> patch = send("PATCH", "/status");
    assertEquals(405, patch.statusCode(), patch.body());
    assertJsonError(patch);
    HttpResponse<String> api = send("PATCH", "/api/tenants/demo/bots/demo/webhooks/rest/webhook");
    assertEquals(405, api.statusCode(), api.body());
    assertJsonError(api);
  }

  @Test
  void theConsoleHasItsSecurityHeaders() throws IOException {
    HttpResponse<String> page = send("GET", "/console/");
    assertEquals(200, page.statusCode());
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertTrue(policy.contains("script-src 'self'"), policy);
    assertTrue(policy.contains("default-src 'self'"), policy);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));

    HttpResponse<String> api = send("GET", "/version");
    assertEquals(
        "default-src 'none'; frame-ancestors 'none'",
        api.headers().firstValue("Content-Security-Policy").orElse(""));
    assertEquals("nosniff", api.headers().firstValue("X-Content-Type-Options").orElse(""));
  }

  static void assertJsonError(HttpResponse<String> response) throws IOException {
    assertTrue(response.statusCode() >= 400, response.statusCode() + " " + response.body());
    assertTrue(
        response.headers().firstValue("content-type").orElse("").contains("json"),
        response.headers() + " " + response.body());
    JsonNode body = ParleyServer.json(response);
    assertFalse(body.path("error").asText().isBlank(), response.body());
    assertFalse(body.path("message").asText().isBlank(), response.body());
    String text = response.body();
    for (String leak : new String[] {"com.ibm", "Exception", "\tat ", "java.", "SRVE", "CWWWC"}) {
      assertFalse(text.contains(leak), "body names '" + leak + "': " + text);
    }
  }

  private HttpResponse<String> send(String method, String rawPath) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + rawPath))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
