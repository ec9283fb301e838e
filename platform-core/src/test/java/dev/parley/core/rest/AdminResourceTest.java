package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.json.Json;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredChannel;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.core.rest.channel.ChannelPlugins;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminResourceTest {

  private static EntityExtractorFactory extractor(String id) {
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

  private static ChannelFactory channel(String id, List<String> socketPaths, boolean fails) {
    return new ChannelFactory() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String version() {
        return "1.0.0";
      }

      @Override
      public Channel create(ChannelHost host) {
        if (fails) {
          throw new IllegalStateException("no key configured");
        }
        return new Channel() {
          @Override
          public List<String> socketPaths() {
            return socketPaths;
          }
        };
      }
    };
  }

  @Test
  void thePluginListShowsTheChannelsWithTheirJarsPathsAndErrors() {
    PluginRegistry registry =
        new PluginRegistry(
            List.of(
                new RegisteredPlugin(
                    extractor("OrderNumberExtractor"),
                    PluginKind.ENTITY_EXTRACTOR,
                    "example-plugin.jar")),
            List.of(
                new RegisteredChannel(
                    channel("socketio", List.of("socket.io/"), false),
                    "built-in:parley-plugin-channel-socketio.jar"),
                new RegisteredChannel(channel("plaintext", List.of(), false), "example-plugin.jar"),
                new RegisteredChannel(channel("broken", List.of(), true), "broken.jar")));
    AdminResource admin =
        new AdminResource(null, registry, new ChannelPlugins(null, registry), null);

    JsonNode rows = Json.mapper().valueToTree(admin.listPlugins());

    assertEquals(4, rows.size(), rows.toString());
    JsonNode extractor = rows.get(0);
    assertEquals("entity_extractor", extractor.path("kind").asText());
    assertFalse(extractor.has("status") || extractor.has("paths") || extractor.has("error"));
    JsonNode socketio = rows.get(1);
    assertEquals("socketio", socketio.path("id").asText());
    assertEquals("channel", socketio.path("kind").asText());
    assertEquals("built-in:parley-plugin-channel-socketio.jar", socketio.path("source").asText());
    assertEquals("available", socketio.path("status").asText());
    assertEquals(
        "[\"/channels/{tenant}/{bot}/socketio/\",\"/socket.io/\"]",
        socketio.path("paths").toString());
    JsonNode plaintext = rows.get(2);
    assertEquals("example-plugin.jar", plaintext.path("source").asText());
    assertEquals("1.0.0", plaintext.path("version").asText());
    assertEquals("[\"/channels/{tenant}/{bot}/plaintext/\"]", plaintext.path("paths").toString());
    assertFalse(plaintext.has("error"));
    JsonNode broken = rows.get(3);
    assertEquals("off", broken.path("status").asText());
    assertEquals("broken.jar", broken.path("source").asText());
    assertTrue(broken.path("error").asText().contains("no key configured"), broken.toString());
    assertEquals(0, broken.path("paths").size());
  }
}
