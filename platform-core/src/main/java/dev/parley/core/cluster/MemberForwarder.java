package dev.parley.core.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Passes a request on to another member over HTTP/1.1 with kept-alive connections, marked with
 * {@link #FORWARDED_HEADER} so the receiver handles it itself. It tells apart an owner that could
 * not be reached (nothing was delivered, so the sender may handle the request itself) from one that
 * did not answer in time (it may have handled it: the caller must not do it again).
 */
@ApplicationScoped
public class MemberForwarder {

  /** The header a forwarded request carries: the receiver never forwards it again. */
  public static final String FORWARDED_HEADER = "X-Parley-Forwarded";

  private HttpClient client;
  private ExecutorService executor;
  private Duration connectTimeout;
  private Duration answerTimeout;

  /** For CDI proxies. */
  protected MemberForwarder() {}

  /**
   * A forwarder with the configured timeouts: {@code parley.cluster.forward.connect.ms} to reach a
   * member, {@code parley.cluster.forward.timeout.ms} for its answer.
   */
  @Inject
  public MemberForwarder(
      @ConfigProperty(name = "parley.cluster.forward.connect.ms", defaultValue = "500")
          long connectMillis,
      @ConfigProperty(name = "parley.cluster.forward.timeout.ms", defaultValue = "30000")
          long answerMillis) {
    this.connectTimeout = Duration.ofMillis(connectMillis);
    this.answerTimeout = Duration.ofMillis(answerMillis);
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .executor(executor)
            .build();
  }

  /**
   * Posts the body to {@code target} with the given headers and waits for the answer.
   *
   * @param target the member's URL for the same request (path and query as received)
   * @param headers headers to pass on (e.g. authorization, content type)
   * @param body the request body
   * @param origin this member's name, sent in {@link #FORWARDED_HEADER}
   */
  public Forwarded post(URI target, Map<String, String> headers, byte[] body, String origin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(answerTimeout)
            .header(FORWARDED_HEADER, origin)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Forwarded.Answered(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse("application/json"),
          response.body());
    } catch (HttpConnectTimeoutException | ConnectException notReached) {
      return new Forwarded.Unreachable(notReached.toString());
    } catch (HttpTimeoutException late) {
      return new Forwarded.NoAnswer("no answer within " + answerTimeout.toMillis() + " ms");
    } catch (IOException broken) {
      return new Forwarded.NoAnswer(broken.toString());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Forwarded.NoAnswer("interrupted");
    }
  }

  @PreDestroy
  void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "parley-forwarder");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** What became of a forwarded request. */
  public sealed interface Forwarded {

    /**
     * The owner answered.
     *
     * @param status its HTTP status
     * @param contentType its content type
     * @param body its body
     */
    record Answered(int status, String contentType, byte[] body) implements Forwarded {}

    /**
     * The owner could not be reached: the request was not delivered.
     *
     * @param reason why, for the log
     */
    record Unreachable(String reason) implements Forwarded {}

    /**
     * The request may have been delivered, but no answer came.
     *
     * @param reason why, for the log
     */
    record NoAnswer(String reason) implements Forwarded {}
  }
}
