package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
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
  void anEncodedSlashWithAMalformedCharsetIsAJson400() throws IOException {
    // the container rejects the URI; before its error dispatch it used to read the charset, and
    // failed with an HTML 500 naming StringIndexOutOfBoundsException (server.xml:
    // setHtmlContentTypeOnError)
    for (String path :
        new String[] {
          "/api/tenants/demo/bots/demo/conversations/..%2F..%2Fadmin/tracker", "/status%5C"
        }) {
      HttpResponse<String> response =
          send("GET", path, "Content-Type", "application/json; charset=\"");
      assertEquals(400, response.statusCode(), response.body());
      assertJsonError(response);
    }
  }

  @Test
  void brokenEscapesThatReachTheApplicationAreJson400() throws IOException {
    // Java's URI refuses these, so they go on a raw socket
    for (String target :
        new String[] {
          "/api/tenants/demo/bots/demo/tracker?%zz", "/status?a=%u002e", "/api/x/%C0%AE"
        }) {
      String answer = raw("GET " + target + " HTTP/1.1");
      assertTrue(answer.startsWith("HTTP/1.1 400 "), target + " " + answer);
      int end = answer.indexOf("\r\n\r\n");
      String head = answer.substring(0, end).toLowerCase(Locale.ROOT);
      assertTrue(head.contains("\r\ncontent-type: application/json"), answer);
      assertTrue(head.contains("\r\ncontent-length: "), answer);
      JsonNode body = ParleyServer.JSON.readTree(answer.substring(end + 4));
      assertEquals("bad_request", body.path("error").asText(), answer);
    }
  }

  @Test
  void aPathTheContainerCannotDecodeIsA400WithoutClassNames() throws IOException {
    // open (docs/robustness.md): Liberty answers a URI it cannot decode with its own HTML before
    // it picks an application; no configuration makes it JSON, but it names no class
    String answer = raw("GET /api/tenants/%zz/bots HTTP/1.1");
    assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
    for (String leak : new String[] {"com.ibm", "Exception", "\tat ", "java."}) {
      assertFalse(answer.contains(leak), "answer names '" + leak + "': " + answer);
    }
  }

  @Test
  void anExceptionInTheContainerItselfNamesNoClass() throws IOException {
    // open (docs/robustness.md): with /status in Liberty's invocation cache, /status;a/.. makes
    // WebContainer.handleRequest throw StringIndexOutOfBoundsException; its 500 used to name it,
    // now it is server.xml's displayCustomizedExceptionText
    send("GET", "/status");
    String answer = raw("GET /status;a/.. HTTP/1.1");
    assertTrue(answer.startsWith("HTTP/1.1 "), answer);
    for (String leak : new String[] {"com.ibm", "Exception", "\tat ", "java.", "SRVE", "<"}) {
      assertFalse(answer.contains(leak), "answer names '" + leak + "': " + answer);
    }
  }

  @Test
  void traceIsAJson405() throws IOException {
    // /status: the container refuses TRACE, before any filter, to a servlet that keeps
    // HttpServlet's echoing doTrace; an encoded slash: the container rejects the URI, and its
    // error dispatch of the TRACE request was refused the same way (an empty 403)
    for (String path : new String[] {"/status", "/version", "/api/x/%2F.."}) {
      HttpResponse<String> response = send("TRACE", path);
      assertEquals(405, response.statusCode(), path + " " + response.body());
      assertJsonError(response);
    }
  }

  @Test
  void containerErrorsInLibertysOwnApplicationsNameNoClass() throws IOException {
    // they have no error page: server.xml's displayTextWhenNoErrorPageDefined, not Liberty's HTML
    // (from loopback it showed a stack trace)
    for (String target : new String[] {"/health/nosuch", "/metrics?%zz"}) {
      String answer = raw("GET " + target + " HTTP/1.1");
      assertTrue(answer.matches("(?s)HTTP/1\\.1 (404|500) .*"), target + " " + answer);
      assertTrue(answer.contains("{\"error\":\"request_failed\","), target + " " + answer);
      for (String leak : new String[] {"com.ibm", "Exception", "\tat ", "java.", "<"}) {
        assertFalse(answer.contains(leak), target + " names '" + leak + "': " + answer);
      }
    }
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

  private HttpResponse<String> send(String method, String rawPath, String... headers)
      throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + rawPath))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      builder.headers(headers);
    }
    HttpRequest request = builder.build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** The whole answer to a request line that Java's URI would refuse, sent on a raw socket. */
  private String raw(String requestLine) throws IOException {
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      String request =
          requestLine + "\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
