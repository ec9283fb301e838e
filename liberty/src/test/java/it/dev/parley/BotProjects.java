package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test bot projects (under {@code src/test/resources/bots}) zipped and imported over the API. */
final class BotProjects {

  private BotProjects() {}

  /** Creates the tenant if needed, imports the project as that bot and returns its API key. */
  static String create(ParleyServer server, String tenant, String bot, byte[] zip)
      throws IOException {
    server.put("/api/admin/tenants/" + tenant, new byte[0], null, ParleyServer.admin());
    HttpResponse<String> response =
        server.put(
            "/api/admin/tenants/" + tenant + "/bots/" + bot,
            zip,
            "application/zip",
            ParleyServer.admin());
    assertEquals(201, response.statusCode(), response.body());
    JsonNode body = ParleyServer.json(response);
    assertTrue(body.path("version").asInt() >= 1);
    return body.path("apiKey").asText();
  }

  /** The project folder as a zip. */
  static byte[] zip(String project) throws IOException {
    return zip(project, Map.of());
  }

  /** The project folder as a zip, with texts of {@code config.yml} replaced. */
  static byte[] zip(String project, Map<String, String> configReplacements) throws IOException {
    Path root;
    try {
      root = Path.of(BotProjects.class.getResource("/bots/" + project).toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(file).toString();
        byte[] content = Files.readAllBytes(file);
        if (name.equals("config.yml")) {
          String text = new String(content, StandardCharsets.UTF_8);
          for (Map.Entry<String, String> replacement : configReplacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
          }
          content = text.getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(project + "/" + name));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
