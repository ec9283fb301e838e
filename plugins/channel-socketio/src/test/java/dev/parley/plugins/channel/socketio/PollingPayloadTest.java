package dev.parley.plugins.channel.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine.IO 4 polling payloads: packets joined by the record separator. */
class PollingPayloadTest {

  @Test
  void joinsAndSplitsPacketsAtTheRecordSeparator() {
    String body = PollingPayload.encode(List.of("40", "42[\"a\",\"b\\u001e\"]", "2"));
    assertEquals("40\u001e42[\"a\",\"b\\u001e\"]\u001e2", body);
    assertEquals(List.of("40", "42[\"a\",\"b\\u001e\"]", "2"), PollingPayload.decode(body));
  }

  @Test
  void aSinglePacketHasNoSeparatorAndEmptyPartsAreDropped() {
    assertEquals("6", PollingPayload.encode(List.of("6")));
    assertEquals(List.of("1"), PollingPayload.decode("1"));
    assertEquals(List.of(), PollingPayload.decode(""));
    assertEquals(List.of("3", "40"), PollingPayload.decode("3\u001e\u001e40"));
  }
}
