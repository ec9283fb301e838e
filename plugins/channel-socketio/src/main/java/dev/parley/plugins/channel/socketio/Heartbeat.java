package dev.parley.plugins.channel.socketio;

/**
 * Engine.IO's heartbeat: the server pings every {@code intervalMillis}; a client that has not
 * answered within {@code timeoutMillis} after a ping is closed.
 *
 * @param intervalMillis time between pings
 * @param timeoutMillis how long a pong may take
 */
record Heartbeat(long intervalMillis, long timeoutMillis) {

  /** Engine.IO's defaults (25 s, 20 s). */
  static final Heartbeat DEFAULT = new Heartbeat(25_000, 20_000);
}
