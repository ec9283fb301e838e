package dev.parley.plugin.channel;

/**
 * Creates a channel; found through {@link java.util.ServiceLoader}, so list the implementation in
 * {@code META-INF/services/dev.parley.plugin.channel.ChannelFactory}. One channel per server.
 *
 * <p>A bot uses the channel when its {@code credentials.yml} has a section named {@link #id()};
 * that section's settings reach the channel as {@link ChannelBot#settings()}. The core serves the
 * channel below {@code /channels/{tenant}/{bot}/{id}/}: its {@link Channel#socketPaths() socket
 * paths} as WebSockets and anything else as {@link Channel#http HTTP}; when the server binds a
 * default bot ({@code PARLEY_DEFAULT_BOT}), the socket paths also answer at the root, as in Rasa
 * (e.g. {@code /socket.io/}).
 */
public interface ChannelFactory {

  /**
   * The channel's name: its section in {@code credentials.yml} and its path segment (e.g. {@code
   * socketio}); never renamed.
   */
  String id();

  /** A one-line description for logs and the console. */
  default String description() {
    return "";
  }

  /** The plugin's version; by default the implementation version from the jar manifest. */
  default String version() {
    String version = getClass().getPackage().getImplementationVersion();
    return version == null ? "unversioned" : version;
  }

  /**
   * Creates the server's instance of this channel.
   *
   * @param host what the core offers the channel: running turns
   */
  Channel create(ChannelHost host);
}
