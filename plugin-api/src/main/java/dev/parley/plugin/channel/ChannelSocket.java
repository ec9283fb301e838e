package dev.parley.plugin.channel;

/** The core's side of a channel's WebSocket connection. Safe to call from any thread. */
public interface ChannelSocket {

  /** An id of this connection, unique on this server. */
  String id();

  /** Sends a text frame; frames sent from several threads are not interleaved. */
  void send(String text);

  /** Closes the connection (normal closure). */
  void close();

  /** Whether the connection is still open. */
  boolean isOpen();
}
