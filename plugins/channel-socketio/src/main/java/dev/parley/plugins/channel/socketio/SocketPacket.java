package dev.parley.plugins.channel.socketio;

import java.util.Optional;

/**
 * A Socket.IO 5 packet inside an Engine.IO message: {@code <type>[<namespace>,][<ack id>][<json>]}.
 *
 * @param type the packet type (0 connect, 1 disconnect, 2 event, 3 ack, 4 connect error)
 * @param namespace the namespace ({@code /} when absent)
 * @param ackId the acknowledgement id, if the sender wants one
 * @param json the payload, if any
 */
record SocketPacket(int type, String namespace, Optional<Long> ackId, Optional<String> json) {

  static final int CONNECT = 0;
  static final int DISCONNECT = 1;
  static final int EVENT = 2;
  static final int ACK = 3;
  static final int CONNECT_ERROR = 4;

  /** Parses a packet; empty when it is not one (binary packets are not supported). */
  static Optional<SocketPacket> parse(String text) {
    if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
      return Optional.empty();
    }
    int type = text.charAt(0) - '0';
    if (type > CONNECT_ERROR) {
      return Optional.empty();
    }
    int at = 1;
    String namespace = "/";
    if (at < text.length() && text.charAt(at) == '/') {
      int comma = text.indexOf(',', at);
      int end = comma < 0 ? text.length() : comma;
      namespace = text.substring(at, end);
      at = comma < 0 ? end : comma + 1;
    }
    int digits = at;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    Optional<Long> ack = Optional.empty();
    if (digits > at) {
      try {
        ack = Optional.of(Long.parseLong(text.substring(at, digits)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    String rest = text.substring(digits);
    return Optional.of(
        new SocketPacket(
            type, namespace, ack, rest.isEmpty() ? Optional.empty() : Optional.of(rest)));
  }

  /** The packet as text. */
  String encode() {
    StringBuilder out = new StringBuilder().append(type);
    if (!"/".equals(namespace)) {
      out.append(namespace).append(',');
    }
    ackId.ifPresent(out::append);
    json.ifPresent(out::append);
    return out.toString();
  }
}
