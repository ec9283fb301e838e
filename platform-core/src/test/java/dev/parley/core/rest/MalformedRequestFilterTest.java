package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The request parts the REST layer would answer with a 500 are refused (found by the fuzzer). */
class MalformedRequestFilterTest {

  @Test
  void hostsAndPortsPass() {
    for (String host :
        new String[] {
          "127.0.0.1", "127.0.0.1:9080", "parley.example", "[::1]:9080", "my_service"
        }) {
      assertTrue(MalformedRequestFilter.validHost(host), host);
    }
    assertTrue(MalformedRequestFilter.validHost(null), "HTTP/1.0 without Host");
  }

  @Test
  void hostListsSpacesAndControlCharactersAreRefused() {
    for (String host : new String[] {"127.0.0.1, 10.0.0.1", "a b", "a\u0000b", "[::1", "a/b c"}) {
      assertFalse(MalformedRequestFilter.validHost(host), host);
    }
  }

  @Test
  void brokenEscapes() {
    assertTrue(MalformedRequestFilter.validQuery("token=a%2Fb&x=%C3%A9"));
    assertTrue(MalformedRequestFilter.validQuery(null));
    assertFalse(MalformedRequestFilter.validQuery("%zz"));
    assertFalse(MalformedRequestFilter.validQuery("a=%"));
    assertTrue(
        MalformedRequestFilter.validPath("/api/tenants/demo/bots/demo/conversations/%C3%A9"));
    assertTrue(MalformedRequestFilter.validPath("/api/tenants/demo/bots/demo/conversations/é"));
    assertFalse(MalformedRequestFilter.validPath("/api/tenants/%FF%FE/bots"));
    assertFalse(MalformedRequestFilter.validPath("/api/tenants/%C0%AE/bots"));
    assertFalse(MalformedRequestFilter.validPath("/api/tenants/%ED%A0%80/bots"));
    assertFalse(MalformedRequestFilter.validPath("/api/tenants/%u002e/bots"));
  }

  @Test
  void mediaTypes() {
    for (String type :
        new String[] {
          "application/json",
          "application/json; charset=utf-8",
          "multipart/form-data; boundary=\"a b\"",
          "application/vnd.api+json",
          "text/plain;charset=UTF-8",
          ""
        }) {
      assertTrue(MalformedRequestFilter.validContentType(type), type);
    }
    for (String type : new String[] {";", "a/b/c", "application/json; charset=\"", "json"}) {
      assertFalse(MalformedRequestFilter.validContentType(type), type);
    }
  }

  @Test
  void acceptQualities() {
    assertTrue(MalformedRequestFilter.validAccept("text/html, application/json;q=0.9, */*;q=0"));
    assertTrue(MalformedRequestFilter.validAccept(null));
    assertFalse(MalformedRequestFilter.validAccept("*/*;q=x"));
  }
}
