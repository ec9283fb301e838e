package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHost;

/** Rasa's {@code socketio} channel, turned on by a {@code socketio:} section in credentials.yml. */
public final class SocketIoChannelFactory implements ChannelFactory {

  /** The channel's name in credentials.yml. */
  public static final String ID = "socketio";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Rasa's socket.io channel (Engine.IO 4 / Socket.IO 5, WebSocket and HTTP long-polling)";
  }

  @Override
  public Channel create(ChannelHost host) {
    return new SocketIoChannel(host, Heartbeat.DEFAULT);
  }
}
