package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's client of a running Parley server: imports a bot, then times {@code
 * /model/parse}.
 */
final class BenchServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVER_TIMING = Pattern.compile("\\bapp;dur=([0-9.]+)");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String adminAuth;
  private final Duration importTimeout;

  BenchServer(String base, String adminPassword, long importMinutes) {
    this.importTimeout = Duration.ofMinutes(importMinutes);
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.adminAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
  }

  /** Imports (trains) the bot; returns its API key and the wall time in the answer's header. */
  String importBot(String tenant, String bot, byte[] zip) throws IOException, InterruptedException {
    send(admin("/api/admin/tenants/" + tenant).PUT(HttpRequest.BodyPublishers.noBody()), 201, 200);
    JsonNode answer =
        send(
            admin("/api/admin/tenants/" + tenant + "/bots/" + bot)
                .header("Content-Type", "application/zip")
                .timeout(importTimeout)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)),
            201,
            200);
    return answer.path("apiKey").asText("");
  }

  /** Evaluates the bot's active version on the server with the given JSONL test data. */
  JsonNode evaluate(String tenant, String bot, String jsonl)
      throws IOException, InterruptedException {
    return send(
        admin("/api/admin/tenants/" + tenant + "/bots/" + bot + "/test/nlu")
            .header("Content-Type", "application/x-ndjson")
            .timeout(importTimeout)
            .POST(HttpRequest.BodyPublishers.ofString(jsonl)),
        200);
  }

  /**
   * What timing {@code /model/parse} calls showed.
   *
   * @param client each call's latency as the client saw it, in nanoseconds
   * @param server each call's duration from the server's {@code Server-Timing} header, in
   *     nanoseconds (0 where the header was missing)
   * @param wallNanos the wall time of all calls
   */
  record Timings(long[] client, long[] server, long wallNanos) {}

  /** Parses every text once with {@code clients} concurrent clients. */
  Timings parseAll(String tenant, String bot, String apiKey, List<String> texts, int clients)
      throws Exception {
    String url = base + "/api/tenants/" + tenant + "/bots/" + bot + "/model/parse";
    long[] latencies = new long[texts.size()];
    long[] serverSide = new long[texts.size()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < texts.size();
                      i = next.getAndIncrement()) {
                    String body = JSON.writeValueAsString(Map.of("text", texts.get(i)));
                    long t = System.nanoTime();
                    HttpResponse<String> response =
                        exchange(
                            HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + apiKey)
                                .POST(HttpRequest.BodyPublishers.ofString(body)),
                            200);
                    latencies[i] = System.nanoTime() - t;
                    serverSide[i] = serverTiming(response);
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Timings(latencies, serverSide, System.nanoTime() - start);
  }

  /** The {@code app} duration of a {@code Server-Timing} header in nanoseconds, else 0. */
  static long serverTiming(HttpResponse<?> response) {
    Matcher duration =
        SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
    return duration.find() ? Math.round(Double.parseDouble(duration.group(1)) * 1e6) : 0;
  }

  private HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", adminAuth);
  }

  private JsonNode send(HttpRequest.Builder request, int... ok)
      throws IOException, InterruptedException {
    HttpResponse<String> response = exchange(request, ok);
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request, int... ok)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (int status : ok) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    throw new IOException(
        "HTTP "
            + response.statusCode()
            + " from "
            + request.build().uri()
            + ": "
            + response.body());
  }
}
