package dev.parley.plugin.channel;

/** A channel's handling of one WebSocket connection: its frames and its end. */
public interface SocketListener {

  /** A text frame arrived; frames of one connection arrive one at a time, in order. */
  void onText(String text);

  /** The connection closed (by either side or because of an error). */
  default void onClose() {}
}
