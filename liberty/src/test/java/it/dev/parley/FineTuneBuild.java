package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * Whether the server under test was built with the fine-tuning add-on (the Maven profile {@code
 * finetune}); without it, a bot naming a fine-tuned component is refused with an error naming the
 * profile.
 */
final class FineTuneBuild {

  private FineTuneBuild() {}

  /** True when the packaged server carries the fine-tuning add-on. */
  static boolean included() {
    return Boolean.getBoolean("parley.it.finetune");
  }

  /** Imports the project and checks that it is refused, at the component, naming the profile. */
  static void assertRefused(
      ParleyServer server, String tenant, String bot, byte[] zip, String component)
      throws IOException {
    server.put("/api/admin/tenants/" + tenant, new byte[0], null, ParleyServer.admin());
    HttpResponse<String> response =
        server.put(
            "/api/admin/tenants/" + tenant + "/bots/" + bot,
            zip,
            "application/zip",
            ParleyServer.admin());
    assertEquals(422, response.statusCode(), response.body());
    JsonNode body = ParleyServer.json(response);
    assertEquals("invalid_bot", body.path("error").asText(), response.body());
    boolean named = false;
    for (JsonNode problem : body.path("details")) {
      String message = problem.path("message").asText();
      if (message.contains("'" + component + "'")) {
        assertTrue(message.contains("-Pfinetune"), message);
        assertEquals("config.yml", problem.path("file").asText(), problem.toString());
        assertTrue(problem.path("line").asInt() > 0, problem.toString());
        named = true;
      }
    }
    assertTrue(named, response.body());
  }
}
