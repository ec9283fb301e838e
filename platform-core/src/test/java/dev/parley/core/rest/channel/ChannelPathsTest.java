package dev.parley.core.rest.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelPathsTest {

  @Test
  void matchesLiteralPathsWithTheirTrailingSlash() {
    assertEquals(Map.of(), ChannelPaths.match("socket.io/", "socket.io/").orElseThrow());
    assertTrue(ChannelPaths.match("socket.io/", "socket.io").isEmpty());
    assertTrue(ChannelPaths.match("socket.io/", "socket.io/x").isEmpty());
  }

  @Test
  void bindsParametersToOneSegment() {
    String template = "v3/directline/conversations/{conversationId}/stream";
    assertEquals(
        Map.of("conversationId", "abc"),
        ChannelPaths.match(template, "v3/directline/conversations/abc/stream").orElseThrow());
    assertTrue(ChannelPaths.match(template, "v3/directline/conversations//stream").isEmpty());
    assertEquals("v3", ChannelPaths.firstSegment(template));
    assertEquals("socket.io", ChannelPaths.firstSegment("socket.io/"));
  }
}
