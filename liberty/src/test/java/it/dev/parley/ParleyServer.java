package it.dev.parley;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugins.testkit.StubLlmServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/parley.jar}) started as a user would start it, with its own
 * data folder, a plugin folder holding the example third-party plugin, and a fixed admin password.
 * One server is shared by all integration tests of a run; {@link #restart()} stops and starts it on
 * the same data.
 */
final class ParleyServer {

  static final String ADMIN_PASSWORD = "it-admin-secret";

  /**
   * The encryption key of servers on an external database, which never generate one (a fixed test
   * key: every run starts on dropped tables or fresh schemas).
   */
  static final String EXTERNAL_DB_KEYS =
      "it-external:" + Base64.getEncoder().encodeToString(new byte[32]);

  static final ObjectMapper JSON = new ObjectMapper();

  /** Tenants of the LLM tests; each gets its own lane of the stub LLM. */
  static final List<String> LLM_TENANTS =
      List.of(
          "llm-normal",
          "llm-failures",
          "llm-checks",
          "llm-bulk-a",
          "llm-bulk-b",
          "llm-ollama",
          "llm-ceiling",
          "nlu-recheck");

  /** LLM calls a tenant may have in flight during the tests. */
  static final int LLM_TENANT_CONCURRENCY = 2;

  /** The server's bound on any LLM call during the tests (bots may ask for more, in vain). */
  static final long LLM_TIMEOUT_MAX_MILLIS = 1200;

  /** How long a bot's open circuit stays open during the tests. */
  static final long LLM_CIRCUIT_OPEN_MILLIS = 1500;

  private static ParleyServer shared;
  private static String sharedMetricsAtStart;
  private static StubLlmServer llmStub;
  private static TestActionServer actionServer;

  /** The server's timeout of action-server calls during the tests. */
  static final long ACTION_TIMEOUT_MILLIS = 1000;

  /** How long a bot's open action-server circuit stays open during the tests. */
  static final long ACTION_CIRCUIT_OPEN_MILLIS = 2000;

  /**
   * The shared server warms its JIT up for at most this long at start (OperationsIT checks it);
   * every other server starts without a warm-up.
   */
  static final String SHARED_WARMUP_SECONDS = "4";

  /**
   * Extra Java options of every test server ({@code -Dparley.it.server.jvm}, space-separated; an
   * empty value for none). By default C2 compiles a method only after a hundred times its usual
   * number of calls or loop iterations: most of a start's code then stays with C1, and a start
   * takes 50-58 instead of 85-91 CPU-seconds to ready on 2 cores (37-44 s against 47-49 s), while
   * hot loops still reach C2 (PBKDF2 at 600,000 iterations: about 250 ms a hash once warm, against
   * 190 ms; C1 alone, {@code -XX:TieredStopAtLevel=1}, took 1,900 ms and made the tests that sign
   * in 5 to 10 times slower). Five slow test classes took 316 s instead of 354-370 s.
   */
  static final List<String> SERVER_JVM_OPTIONS =
      Arrays.stream(
              System.getProperty(
                      "parley.it.server.jvm",
                      "-XX:Tier4InvocationThreshold=500000 -XX:Tier4MinInvocationThreshold=60000"
                          + " -XX:Tier4CompileThreshold=1500000 -XX:Tier4BackEdgeThreshold=4000000")
                  .split(" "))
          .filter(option -> !option.isBlank())
          .toList();

  private final Path workDir;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;
  private int starts;
  private final Map<String, String> extraEnv = new java.util.LinkedHashMap<>();

  /** With an external database: the schema this server uses, if not the shared one. */
  private String dbSchema;

  private ParleyServer(Path workDir, int port) {
    this.workDir = workDir;
    this.port = port;
  }

  /**
   * With an external database, a fresh schema for servers that must not share the other tests'
   * tables; null (the embedded database) otherwise.
   */
  static String ownSchema(String schema) {
    return ItDatabase.configured().map(db -> db.freshSchema(schema)).isPresent() ? schema : null;
  }

  /**
   * Another server from the same jar, in its own folder (and its own extraction folder), with extra
   * environment variables and, with an external database, the given schema (null: the shared one);
   * the caller stops it.
   */
  static ParleyServer startAnother(String name, Map<String, String> env, String schema)
      throws IOException {
    return startAnother(name, env, schema, freePort());
  }

  /** {@link #startAnother(String, Map, String)} on a given HTTP port. */
  static ParleyServer startAnother(String name, Map<String, String> env, String schema, int port)
      throws IOException {
    shared();
    Path dir = itDir().resolve(name);
    deleteRecursively(dir);
    Files.createDirectories(dir);
    ParleyServer server = new ParleyServer(dir, port);
    server.dbSchema = schema;
    env.forEach(server::env);
    server.env("WLP_JAR_EXTRACT_ROOT", dir.resolve("wlp-extract").toAbsolutePath().toString());
    server.start();
    return server;
  }

  /** A free loopback port. */
  static int anyFreePort() throws IOException {
    return freePort();
  }

  static synchronized ParleyServer shared() {
    if (shared == null) {
      try {
        Path dir = itDir();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        ItDatabase.configured().ifPresent(ItDatabase::dropParleyTables);
        startStubs();
        shared = new ParleyServer(dir, freePort());
        shared.env("PARLEY_WARMUP_SECONDS", SHARED_WARMUP_SECONDS);
        shared.start();
        sharedMetricsAtStart = shared.get("/metrics?scope=application").body();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return shared;
  }

  /** The shared server's application metrics right after it became ready (after its warm-up). */
  static String sharedMetricsAtStart() {
    shared();
    return sharedMetricsAtStart;
  }

  /**
   * A server of its own, not started yet, with its data and logs in {@code target/it-<name>}, for
   * tests that restart it with other settings ({@link #env}). Stopped when the tests end.
   */
  static synchronized ParleyServer dedicated(String name) {
    try {
      Path dir = itDir().resolveSibling("it-" + name);
      deleteRecursively(dir);
      Files.createDirectories(dir);
      startStubs();
      ParleyServer server = new ParleyServer(dir, freePort());
      server.dbSchema = ownSchema("it_" + name);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path itDir() {
    return Path.of(System.getProperty("parley.it.dir", "target/it")).toAbsolutePath();
  }

  private static void startStubs() throws IOException {
    if (llmStub == null) {
      llmStub = StubLlmServer.start();
      actionServer = TestActionServer.start();
    }
  }

  /** Sets (or with {@code null} removes) an environment variable of the next start. */
  synchronized void env(String name, String value) {
    if (value == null) {
      extraEnv.remove(name);
    } else {
      extraEnv.put(name, value);
    }
  }

  /** The stub LLM all LLM connections of the server point at. */
  static StubLlmServer llmStub() {
    shared();
    return llmStub;
  }

  /** The action server the test bots' endpoints.yml point at. */
  static TestActionServer actionServer() {
    shared();
    return actionServer;
  }

  /**
   * The command that runs the packaged server with this maximum heap and the test servers' options.
   */
  static List<String> javaCommand(String maxHeap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.addAll(SERVER_JVM_OPTIONS);
    command.add("-jar");
    command.add(
        Path.of(System.getProperty("parley.jar", "target/parley.jar")).toAbsolutePath().toString());
    return command;
  }

  synchronized void start() {
    try {
      starts++;
      Path log = workDir.resolve("server-" + starts + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(javaCommand("1g"))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("PARLEY_HTTP_PORT", String.valueOf(port));
      env.put("PARLEY_DATA_DIR", workDir.resolve("data").toString());
      env.put(
          "PARLEY_PLUGIN_DIR",
          Path.of(System.getProperty("parley.it.plugins", "target/it-plugins"))
              .toAbsolutePath()
              .toString());
      env.put("PARLEY_ADMIN_PASSWORD", ADMIN_PASSWORD);
      env.put("PARLEY_WARMUP_SECONDS", "0");
      ItDatabase.configured()
          .map(db -> dbSchema == null ? db : db.inSchema(dbSchema))
          .ifPresent(
              db -> {
                db.configure(env);
                env.put("PARLEY_ENCRYPTION_KEYS", EXTERNAL_DB_KEYS);
              });
      env.put("PARLEY_LLM_STUB_BASE_URL", llmStub.openAiBaseUrl("server-wide"));
      env.put("PARLEY_LLM_STUB_MODEL", "stub-model");
      env.put("PARLEY_LLM_STUB_API_KEY", "it-server-key");
      env.put("PARLEY_LLM_OLLAMA_BASE_URL", llmStub.ollamaBaseUrl("llm-ollama"));
      env.put("PARLEY_LLM_OLLAMA_MODEL", "stub-llama");
      for (String tenant : LLM_TENANTS) {
        String prefix = "PARLEY_TENANT_" + tenant.toUpperCase().replace('-', '_') + "_LLM_STUB_";
        env.put(prefix + "BASE_URL", llmStub.openAiBaseUrl(tenant));
        env.put(prefix + "MODEL", "stub-model");
      }
      env.put("PARLEY_LLM_TENANT_MAX_CONCURRENT", String.valueOf(LLM_TENANT_CONCURRENCY));
      env.put("PARLEY_LLM_CIRCUIT_OPEN_MS", String.valueOf(LLM_CIRCUIT_OPEN_MILLIS));
      env.put("PARLEY_LLM_TIMEOUT_MAX_MS", String.valueOf(LLM_TIMEOUT_MAX_MILLIS));
      env.put("ACTION_SERVER_URL", actionServer.baseUrl());
      env.put("PARLEY_ACTION_TIMEOUT_MS", String.valueOf(ACTION_TIMEOUT_MILLIS));
      env.put("PARLEY_ACTION_CIRCUIT_OPEN_MS", String.valueOf(ACTION_CIRCUIT_OPEN_MILLIS));
      env.putAll(extraEnv);
      process = builder.start();
      waitUntilReady(log);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start parley.jar", e);
    }
  }

  synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Kills the server's process at once ({@code kill -9}): no shutdown, nothing flushed. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  void restart() {
    stop();
    start();
  }

  private void waitUntilReady(Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("parley.jar exited early:\n" + tail(log));
      }
      try {
        HttpResponse<String> status = get("/status");
        if (status.statusCode() == 200 && JSON.readTree(status.body()).path("ready").asBoolean()) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      sleep(500);
    }
    throw new IllegalStateException("parley.jar not ready in time:\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The console output of the current (or last) start. */
  Path log() {
    return workDir.resolve("server-" + starts + ".log");
  }

  Path workDir() {
    return workDir;
  }

  HttpResponse<String> get(String path, String... headers) throws IOException {
    return send(request(path, headers).GET().build());
  }

  HttpResponse<String> delete(String path, String... headers) throws IOException {
    return send(request(path, headers).DELETE().build());
  }

  HttpResponse<String> postJson(String path, String json, String... headers) throws IOException {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  HttpResponse<String> patchJson(String path, String json, String... headers) throws IOException {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  HttpResponse<String> put(String path, byte[] body, String contentType, String... headers)
      throws IOException {
    HttpRequest.Builder builder = request(path, headers);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  HttpResponse<String> post(String path, String body, String contentType, String... headers)
      throws IOException {
    return send(
        request(path, headers)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  static String[] admin() {
    return new String[] {
      "Authorization",
      "Basic "
          + Base64.getEncoder()
              .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))
    };
  }

  static String[] bearer(String key) {
    return new String[] {"Authorization", "Bearer " + key};
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    // an upper bound against hangs: importing a bot trains it in the request, and fine-tuning an
    // encoder (NluClassifiersIT) takes about a minute on a loaded 2-core machine
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(180));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
