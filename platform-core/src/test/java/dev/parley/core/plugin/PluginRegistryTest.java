package dev.parley.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  private static EntityExtractorFactory factory(String id) {
    return new EntityExtractorFactory() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public EntityExtractor create(PluginContext context) {
        return (message, previous) -> previous;
      }
    };
  }

  @Test
  void duplicateIdsStopTheStartNamingBothJars() {
    var first = new RegisteredPlugin(factory("Dup"), PluginKind.ENTITY_EXTRACTOR, "a.jar");
    var second = new RegisteredPlugin(factory("Dup"), PluginKind.ENTITY_EXTRACTOR, "b.jar");
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> new PluginRegistry(List.of(first, second)));
    assertTrue(error.getMessage().contains("a.jar") && error.getMessage().contains("b.jar"));
  }

  @Test
  void findsByKindAndId() {
    var plugin = new RegisteredPlugin(factory("X"), PluginKind.ENTITY_EXTRACTOR, "x.jar");
    PluginRegistry registry = new PluginRegistry(List.of(plugin));
    assertEquals(plugin, registry.find(PluginKind.ENTITY_EXTRACTOR, "X").orElseThrow());
    assertTrue(registry.find(PluginKind.INTENT_CLASSIFIER, "X").isEmpty());
  }

  private static ChannelFactory channel(String id) {
    return new ChannelFactory() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Channel create(ChannelHost host) {
        return new Channel() {};
      }
    };
  }

  @Test
  void aChannelNamedRestIsRefusedForItIsTheServersOwn() {
    var rest = new RegisteredChannel(channel("rest"), "rest-channel.jar");
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class, () -> new PluginRegistry(List.of(), List.of(rest)));
    assertTrue(error.getMessage().contains("rest-channel.jar"), error.getMessage());
  }

  @Test
  void channelsAreListedByIdInDiscoveryOrder() {
    var first = new RegisteredChannel(channel("socketio"), "built-in:socketio.jar");
    var second = new RegisteredChannel(channel("plaintext"), "plaintext.jar");
    PluginRegistry registry = new PluginRegistry(List.of(), List.of(first, second));
    assertEquals(List.of(first, second), List.copyOf(registry.channels()));
  }
}
