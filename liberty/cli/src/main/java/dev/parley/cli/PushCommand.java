package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code parley push <project or model.zip> --url URL --tenant T --bot B [--key KEY]}: uploads a
 * project folder, or a model file of {@code parley train}, to a running server through the admin
 * API's bot import ({@code PUT /api/admin/tenants/T/bots/B}), which activates a new version: a
 * model file's trained artefacts serve as they are when the server finds them valid (otherwise it
 * trains the project, or with {@code --require-trained} refuses), a project is trained; the output
 * says which. {@code --retrain} sends only a model file's project. The tenant is created first if
 * it does not exist. The key is the admin password (HTTP Basic as {@code admin}) or an identity
 * provider's token (sent as a Bearer token); without {@code --key} it is read from {@code
 * PARLEY_API_KEY}. Exits 0 when the server took the project, 1 when it refused it (the problems are
 * printed with file and line), 2 when the server cannot be reached or on bad usage.
 */
final class PushCommand {

  static final String USAGE =
      "usage: parley push <project or model.zip> --url URL --tenant T --bot B [--key KEY]"
          + " [--note TEXT] [--require-trained | --retrain] [--timeout-minutes N]";
  private static final String REQUIRE_TRAINED = "require-trained";
  private static final String RETRAIN = "retrain";
  static final String KEY_VARIABLE = "PARLEY_API_KEY";

  private final Function<String, String> environment;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  PushCommand(Function<String, String> environment) {
    this.environment = environment;
  }

  int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments = Arguments.parse(args, Set.of(REQUIRE_TRAINED, RETRAIN));
    Optional<String> url = arguments.option("url");
    Optional<String> tenant = arguments.option("tenant");
    Optional<String> botName = arguments.option("bot");
    if (arguments.positional().size() != 1
        || url.isEmpty()
        || tenant.isEmpty()
        || botName.isEmpty()) {
      throw new Arguments.UsageException(USAGE);
    }
    Optional<String> key =
        arguments.option("key").or(() -> Optional.ofNullable(environment.apply(KEY_VARIABLE)));
    if (key.isEmpty() || key.get().isBlank()) {
      throw new Arguments.UsageException("push needs --key or " + KEY_VARIABLE + "\n" + USAGE);
    }
    String path = arguments.positional().get(0);
    LocalBot local = LocalBot.open(path);
    boolean sendTrained = local.trained() && !arguments.flag(RETRAIN);
    boolean requireTrained = arguments.flag(REQUIRE_TRAINED);
    if (requireTrained && !sendTrained) {
      throw new Arguments.UsageException(
          "--require-trained needs a model file of parley train (and no --retrain)\n" + USAGE);
    }
    byte[] zip =
        sendTrained ? Files.readAllBytes(Path.of(path)) : ModelFile.projectZip(local.files());
    String base = base(url.get());
    String authorization = authorization(key.get());
    Duration timeout =
        Duration.ofMinutes(arguments.option("timeout-minutes").map(Long::parseLong).orElse(30L));
    String botPath =
        "/api/admin/tenants/"
            + encode(tenant.get())
            + "/bots/"
            + encode(botName.get())
            + query(arguments.option("note"), requireTrained);
    HttpResponse<String> response;
    try {
      response = importBot(base + botPath, zip, authorization, timeout);
      if (response.statusCode() == 404 && response.body().contains("tenant")) {
        HttpResponse<String> created =
            send(
                HttpRequest.newBuilder(
                        URI.create(base + "/api/admin/tenants/" + encode(tenant.get())))
                    .header("Authorization", authorization)
                    .PUT(HttpRequest.BodyPublishers.noBody()));
        if (created.statusCode() != 201 && created.statusCode() != 200) {
          return refused(created, path, err);
        }
        err.println("created tenant " + tenant.get());
        response = importBot(base + botPath, zip, authorization, timeout);
      }
    } catch (IOException unreachable) {
      err.println("cannot reach " + base + ": " + unreachable);
      return 2;
    }
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      return refused(response, path, err);
    }
    JsonNode answer = Json.mapper().readTree(response.body());
    for (JsonNode warning : answer.path("warnings")) {
      err.println(
          Problems.location(path, warning.path("file").asText(), warning.path("line").asInt())
              + ": warning: "
              + warning.path("message").asText());
    }
    out.printf(
        "pushed %s/%s: version %d%s%n",
        tenant.get(),
        botName.get(),
        answer.path("version").asInt(),
        answer.path("created").asBoolean() ? " (new bot)" : "");
    if (sendTrained) {
      JsonNode model = answer.path("model");
      if (model.path("source").asText().equals("loaded")) {
        out.println("the server loaded the trained model (nothing was trained)");
      } else {
        out.println(
            "the server trained the project again: "
                + model.path("reason").asText("it did not load the trained model"));
      }
    }
    if (answer.hasNonNull("apiKey")) {
      out.println("API key of the new bot (shown once): " + answer.path("apiKey").asText());
    }
    return 0;
  }

  private static String query(Optional<String> note, boolean requireTrained) {
    List<String> parameters = new ArrayList<>();
    note.ifPresent(text -> parameters.add("note=" + encode(text)));
    if (requireTrained) {
      parameters.add("trained=require");
    }
    return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
  }

  private HttpResponse<String> importBot(
      String url, byte[] zip, String authorization, Duration timeout)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization)
            .header("Content-Type", "application/zip")
            .timeout(timeout)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Prints the server's refusal: each problem with its file and line, else the error. */
  private static int refused(HttpResponse<String> response, String path, PrintStream err) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(response.body());
    } catch (IOException notJson) {
      body = Json.mapper().createObjectNode();
    }
    err.println(
        "the server answered "
            + response.statusCode()
            + ": "
            + body.path("error").asText("")
            + " "
            + body.path("message").asText(response.body()));
    for (JsonNode detail : body.path("details")) {
      if (detail.has("file")) {
        err.println(
            Problems.location(path, detail.path("file").asText(), detail.path("line").asInt())
                + ": error: "
                + detail.path("message").asText());
      }
    }
    return 1;
  }

  /** The server's root: {@code --url} without a trailing slash or {@code /api}. */
  static String base(String url) {
    String base = url.replaceAll("/+$", "");
    return base.endsWith("/api") ? base.substring(0, base.length() - 4) : base;
  }

  /** An identity provider's token (a JWT) as Bearer, else the admin password as HTTP Basic. */
  static String authorization(String key) {
    if (key.startsWith("ey") && key.chars().filter(c -> c == '.').count() == 2) {
      return "Bearer " + key;
    }
    return "Basic "
        + Base64.getEncoder().encodeToString(("admin:" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The process's environment. */
  static PushCommand withSystemEnvironment() {
    Map<String, String> env = System.getenv();
    return new PushCommand(env::get);
  }
}
