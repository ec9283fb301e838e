package dev.parley.core.rest.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredChannel;
import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPluginsTest {

  private static RegisteredChannel registered(String id, boolean fails, String source) {
    ChannelFactory factory =
        new ChannelFactory() {
          @Override
          public String id() {
            return id;
          }

          @Override
          public Channel create(ChannelHost host) {
            if (fails) {
              throw new IllegalStateException("cannot start");
            }
            return new Channel() {};
          }
        };
    return new RegisteredChannel(factory, source);
  }

  @Test
  void aChannelWhoseFactoryFailsIsLeftOutAndTheOthersServe() {
    PluginRegistry registry =
        new PluginRegistry(
            List.of(),
            List.of(
                registered("socketio", false, "built-in:socketio.jar"),
                registered("broken", true, "broken.jar"),
                registered("plaintext", false, "plaintext.jar")));
    ChannelPlugins channels = new ChannelPlugins(null, registry);

    assertEquals(List.of("socketio", "plaintext"), List.copyOf(channels.all().keySet()));
    assertTrue(channels.find("broken").isEmpty());
    assertTrue(channels.find("plaintext").isPresent());
  }
}
