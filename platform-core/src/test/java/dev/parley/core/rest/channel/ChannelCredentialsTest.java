package dev.parley.core.rest.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelCredentialsTest {

  @Test
  void aChannelIsOnWhenItIsAKeyWithOrWithoutSettings() {
    Map<String, Map<String, Object>> sections =
        ChannelCredentials.sections(
            "rest:\nsocketio:\n  user_message_evt: say\n  session_persistence: true\n", "t/b/1");
    assertEquals(Map.of(), sections.get("rest"));
    assertEquals(
        Map.of("user_message_evt", "say", "session_persistence", true), sections.get("socketio"));
    assertTrue(!sections.containsKey("directline"));
  }

  @Test
  void noFileOrABrokenFileTurnsNothingOn() {
    assertTrue(ChannelCredentials.sections(null, "t/b/1").isEmpty());
    assertTrue(ChannelCredentials.sections("socketio: [", "t/b/1").isEmpty());
    assertTrue(ChannelCredentials.sections("- a list", "t/b/1").isEmpty());
  }
}
