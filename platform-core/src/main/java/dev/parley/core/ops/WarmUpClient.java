package dev.parley.core.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The warm-up's HTTP client: it talks to this server over its own port, as a channel client would,
 * so that the whole path of a request (Liberty, JAX-RS, JSON, the turn, the database) is compiled
 * before the first user arrives.
 */
final class WarmUpClient implements AutoCloseable {

  private final URI base;
  private final String key;
  private final CloseableHttpClient client;

  /**
   * @param base this server's base URL
   * @param key the warm-up pass's key
   * @param connections how many requests may be under way at once
   */
  WarmUpClient(URI base, String key, int connections) {
    this.base = base;
    this.key = key;
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(connections)
                    .setMaxConnTotal(connections)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(2))
                            .setSocketTimeout(Timeout.ofSeconds(15))
                            .build())
                    .build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
  }

  /** Whether the server answers on its port yet (any status). */
  boolean answers() {
    try {
      return client.execute(new HttpGet(base.resolve("/status")), response -> true);
    } catch (IOException notYet) {
      return false;
    }
  }

  /**
   * Sends one user message of a conversation (a turn or a parse, as the target says).
   *
   * @return whether the server answered with 2xx
   */
  boolean send(WarmUpTarget target, String sender, String text) throws IOException {
    HttpPost post = new HttpPost(base.resolve(target.path()));
    post.setHeader("Authorization", "Bearer " + key);
    post.setEntity(new ByteArrayEntity(body(target, sender, text), ContentType.APPLICATION_JSON));
    return client.execute(
        post,
        response -> {
          EntityUtils.consume(response.getEntity());
          return response.getCode() / 100 == 2;
        });
  }

  private static byte[] body(WarmUpTarget target, String sender, String text) {
    Map<String, String> body =
        target.kind() == WarmUpTarget.Kind.TURNS
            ? Map.of("sender", sender, "message", text)
            : Map.of("text", text);
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a warm-up message", e);
    }
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
