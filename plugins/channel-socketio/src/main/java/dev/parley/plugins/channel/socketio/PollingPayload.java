package dev.parley.plugins.channel.socketio;

import java.util.Arrays;
import java.util.List;

/**
 * The body of an Engine.IO 4 polling request or response: text packets joined by the record
 * separator (0x1e).
 */
final class PollingPayload {

  /** Separates the packets of a payload. */
  static final char SEPARATOR = '\u001e';

  private PollingPayload() {}

  /** The packets joined into one body. */
  static String encode(List<String> packets) {
    return String.join(String.valueOf(SEPARATOR), packets);
  }

  /** The packets of a body, without empty ones. */
  static List<String> decode(String body) {
    return Arrays.stream(body.split(String.valueOf(SEPARATOR), -1))
        .filter(packet -> !packet.isEmpty())
        .toList();
  }
}
