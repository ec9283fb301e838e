package dev.parley.plugins.channel.directline;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHost;

/** Direct Line 3.0 (a subset), turned on by a {@code directline:} section in credentials.yml. */
public final class DirectLineChannelFactory implements ChannelFactory {

  /** The channel's name in credentials.yml. */
  public static final String ID = "directline";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Bot Framework Direct Line 3.0 (conversations, activities, watermark, WebSocket stream)";
  }

  @Override
  public Channel create(ChannelHost host) {
    return new DirectLineChannel(host, new DirectLineConversations());
  }
}
