package dev.parley.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.config.NluRoleSettings;
import dev.parley.core.config.WarmUpTraffic;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmUpRequestsTest {

  private static final String WEBHOOK = "/tenants/t/bots/b/webhooks/rest/webhook";

  private final WarmUpPass pass = new WarmUpPass();
  private final String key = pass.key().orElseThrow();

  /** Whether the thread was marked while the request was handled (and unmarked afterwards). */
  private static boolean markedWhileHandled(
      WarmUpRequests filter, String pathInfo, Map<String, String> headers) throws Exception {
    List<Boolean> seen = new ArrayList<>();
    filter.doFilter(
        request(pathInfo, headers), null, (req, res) -> seen.add(WarmUpTraffic.isCurrent()));
    assertFalse(WarmUpTraffic.isCurrent(), "the mark ends with the request");
    assertEquals(1, seen.size());
    return seen.get(0);
  }

  @Test
  void onlyRequestsWithTheOpenPassAreTheWarmUps() throws Exception {
    WarmUpRequests filter = new WarmUpRequests(pass, fullServer(Optional.empty()));
    assertTrue(markedWhileHandled(filter, WEBHOOK, Map.of("Authorization", "Bearer " + key)));
    assertTrue(
        markedWhileHandled(filter, "/tenants/t/bots/b/model/parse", bearer("bearer " + key)));
    assertFalse(markedWhileHandled(filter, WEBHOOK, bearer("Bearer bot-key")));
    assertFalse(markedWhileHandled(filter, WEBHOOK, Map.of()));
    assertFalse(
        markedWhileHandled(filter, WEBHOOK, Map.of(WarmUpTraffic.HEADER, "true")),
        "a channel client cannot hide its turns with the header");
    pass.close();
    assertFalse(markedWhileHandled(filter, WEBHOOK, bearer("Bearer " + key)));
  }

  @Test
  void anNluServerHonoursTheWarmUpHeaderOnlyOnParseCallsWithItsKey() throws Exception {
    WarmUpRequests filter = new WarmUpRequests(pass, nluServer());
    Map<String, String> relayed =
        Map.of("Authorization", "Bearer nlu-key", WarmUpTraffic.HEADER, "true");
    assertTrue(markedWhileHandled(filter, "/nlu/parse", relayed));
    assertFalse(markedWhileHandled(filter, "/nlu/parse", bearer("Bearer nlu-key")));
    assertFalse(
        markedWhileHandled(
            filter,
            "/nlu/parse",
            Map.of("Authorization", "Bearer guessed", WarmUpTraffic.HEADER, "true")));
    assertFalse(markedWhileHandled(filter, WEBHOOK, relayed));
  }

  private static Map<String, String> bearer(String authorization) {
    return Map.of("Authorization", authorization);
  }

  private static NluRoleSettings fullServer(Optional<String> nluKey) {
    return new NluRoleSettings("full", Optional.empty(), nluKey);
  }

  private static NluRoleSettings nluServer() {
    return new NluRoleSettings("nlu", Optional.empty(), Optional.of("nlu-key"));
  }

  private static HttpServletRequest request(String pathInfo, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getServletPath" -> "/api";
                  case "getPathInfo" -> pathInfo;
                  default -> null;
                });
  }
}
