package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Host headers the REST layer cannot build a URI from are refused (found by the fuzzer). */
class HostHeaderFilterTest {

  @Test
  void hostsAndPortsPass() {
    for (String host :
        new String[] {"127.0.0.1", "127.0.0.1:9080", "parley.example", "[::1]:9080", "my_service"}) {
      assertTrue(HostHeaderFilter.validHost(host), host);
    }
    assertTrue(HostHeaderFilter.validHost(null), "HTTP/1.0 without Host");
  }

  @Test
  void listsSpacesAndControlCharactersAreRefused() {
    for (String host : new String[] {"127.0.0.1, 10.0.0.1", "a b", "a\u0000b", "[::1", "a/b c"}) {
      assertFalse(HostHeaderFilter.validHost(host), host);
    }
  }
}
