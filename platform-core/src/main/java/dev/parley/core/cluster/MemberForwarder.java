package dev.parley.core.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Passes a request on to another member over HTTP/1.1 on pooled, kept-alive connections (Apache
 * HttpClient's blocking client: the calling thread does the work, no hand-over between threads),
 * marked with {@link #FORWARDED_HEADER} so the receiver handles it itself. It tells apart an owner
 * that could not be reached (nothing was delivered, so the sender may handle the request itself)
 * from one that did not answer (it may have handled it: the caller must not do it again).
 */
@ApplicationScoped
public class MemberForwarder {

  /** The header a forwarded request carries: the receiver never forwards it again. */
  public static final String FORWARDED_HEADER = "X-Parley-Forwarded";

  private static final int MAX_CONNECTIONS_PER_MEMBER = 256;

  private CloseableHttpClient client;
  private long answerMillis;

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
    this.answerMillis = answerMillis;
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnPerRoute(MAX_CONNECTIONS_PER_MEMBER)
            .setMaxConnTotal(4 * MAX_CONNECTIONS_PER_MEMBER)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofMilliseconds(connectMillis))
                    .setSocketTimeout(Timeout.ofMilliseconds(answerMillis))
                    .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableRedirectHandling()
            .disableAuthCaching()
            .build();
  }

  /**
   * Posts the JSON body to {@code target} with the given headers and waits for the answer.
   *
   * @param target the member's URL for the same request (path and query as received)
   * @param headers headers to pass on (e.g. authorization)
   * @param body the request body, JSON
   * @param origin this member's name, sent in {@link #FORWARDED_HEADER}
   */
  public Forwarded post(URI target, Map<String, String> headers, byte[] body, String origin) {
    HttpPost post = new HttpPost(target);
    headers.forEach(post::setHeader);
    post.setHeader(FORWARDED_HEADER, origin);
    post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    try {
      return client.execute(
          post,
          response -> {
            Header type = response.getFirstHeader("Content-Type");
            return new Forwarded.Answered(
                response.getCode(),
                type == null ? "application/json" : type.getValue(),
                response.getEntity() == null
                    ? new byte[0]
                    : EntityUtils.toByteArray(response.getEntity()));
          });
    } catch (ConnectException | ConnectTimeoutException notReached) {
      return new Forwarded.Unreachable(notReached.toString());
    } catch (SocketTimeoutException late) {
      return new Forwarded.NoAnswer("no answer within " + answerMillis + " ms");
    } catch (InterruptedIOException interrupted) {
      Thread.currentThread().interrupt();
      return new Forwarded.NoAnswer("interrupted");
    } catch (IOException broken) {
      return new Forwarded.NoAnswer(broken.toString());
    }
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }
  }
}
