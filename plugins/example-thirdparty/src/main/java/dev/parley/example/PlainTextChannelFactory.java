package dev.parley.example;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHost;

/**
 * {@code plaintext}: an example channel, a plain-text webhook. A bot turns it on with a {@code
 * plaintext:} section in its {@code credentials.yml}; {@code POST
 * /channels/<tenant>/<bot>/plaintext/<sender>} with the user's text as the body answers with the
 * bot's texts, one per line.
 */
public final class PlainTextChannelFactory implements ChannelFactory {

  /** The channel's section in {@code credentials.yml} and its path segment. */
  public static final String ID = "plaintext";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Example: a plain-text webhook, one bot text per line";
  }

  @Override
  public Channel create(ChannelHost host) {
    return new PlainTextChannel(host);
  }
}
