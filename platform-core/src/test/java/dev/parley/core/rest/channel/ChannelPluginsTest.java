package dev.parley.core.rest.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredChannel;
import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelPluginsTest {

  private final Logger log = Logger.getLogger(ChannelPlugins.class.getName());
  private final List<LogRecord> logged = new ArrayList<>();
  private final List<String> closed = new ArrayList<>();
  private final Handler recorder =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void recordTheLog() {
    log.addHandler(recorder);
  }

  @AfterEach
  void stopRecording() {
    log.removeHandler(recorder);
  }

  private RegisteredChannel registered(String id, boolean fails, String source) {
    return registered(id, fails, source, List.of());
  }

  private RegisteredChannel registered(
      String id, boolean fails, String source, List<String> socketPaths) {
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
            return new Channel() {
              @Override
              public List<String> socketPaths() {
                return socketPaths;
              }

              @Override
              public void close() {
                closed.add(id);
              }
            };
          }
        };
    return new RegisteredChannel(factory, source);
  }

  private static ChannelPlugins plugins(RegisteredChannel... channels) {
    return new ChannelPlugins(null, new PluginRegistry(List.of(), List.of(channels)));
  }

  private List<String> severeLines() {
    return logged.stream()
        .filter(record -> record.getLevel() == Level.SEVERE)
        .map(LogRecord::getMessage)
        .toList();
  }

  @Test
  void aChannelWhoseFactoryFailsIsLeftOutAndTheOthersServe() {
    ChannelPlugins channels =
        plugins(
            registered("socketio", false, "built-in:socketio.jar"),
            registered("broken", true, "broken.jar"),
            registered("plaintext", false, "plaintext.jar"));

    assertEquals(List.of("socketio", "plaintext"), List.copyOf(channels.all().keySet()));
    assertTrue(channels.find("broken").isEmpty());
    assertTrue(channels.find("plaintext").isPresent());
  }

  @Test
  void everyChannelIsListedWithItsJarAndPathsOrWhyItIsOff() {
    ChannelPlugins channels =
        plugins(
            registered("socketio", false, "built-in:socketio.jar", List.of("socket.io/")),
            registered("broken", true, "broken.jar"),
            registered("plaintext", false, "plaintext.jar"));

    List<InstalledChannel> installed = channels.installed();

    assertEquals(
        List.of("socketio", "broken", "plaintext"),
        installed.stream().map(channel -> channel.registered().id()).toList());
    InstalledChannel socketio = installed.get(0);
    assertEquals("built-in:socketio.jar", socketio.registered().source());
    assertEquals(List.of("/channels/{tenant}/{bot}/socketio/", "/socket.io/"), socketio.paths());
    assertTrue(socketio.available());
    InstalledChannel broken = installed.get(1);
    assertFalse(broken.available());
    assertEquals(List.of(), broken.paths());
    assertTrue(broken.error().orElseThrow().contains("cannot start"), broken.error().get());
    assertEquals(List.of("/channels/{tenant}/{bot}/plaintext/"), installed.get(2).paths());
    assertEquals(Set.of("socket.io"), channels.rootSegments());
  }

  @Test
  void aThirdPartyChannelClaimingTheConsoleOrTheApiIsRefusedAndTheServerGoesOn() {
    ChannelPlugins channels =
        plugins(
            registered("socketio", false, "built-in:socketio.jar", List.of("socket.io/")),
            registered("grabber", false, "grabber.jar", List.of("ws/", "console/x")),
            registered("admin", false, "admin-channel.jar", List.of("api/admin/plugins")),
            registered("plaintext", false, "plaintext.jar", List.of("plaintext/stream")));

    assertEquals(List.of("socketio", "plaintext"), List.copyOf(channels.all().keySet()));
    assertEquals(Set.of("socket.io", "plaintext"), channels.rootSegments());
    assertEquals(List.of("grabber", "admin"), closed);
    List<String> severe = severeLines();
    assertEquals(2, severe.size(), severe.toString());
    assertTrue(
        severe.get(0).contains("grabber")
            && severe.get(0).contains("grabber.jar")
            && severe.get(0).contains("console/x"),
        severe.get(0));
    assertTrue(
        severe.get(1).contains("admin")
            && severe.get(1).contains("admin-channel.jar")
            && severe.get(1).contains("api/admin/plugins"),
        severe.get(1));
    Optional<String> error = channels.installed().get(1).error();
    assertTrue(error.orElseThrow().contains("/console/"), error.toString());
  }

  @Test
  void aThirdPartyChannelMayNotTakeABuiltInChannelsRootNorAnAbsolutePath() {
    ChannelPlugins channels =
        plugins(
            registered("socketio", false, "built-in:socketio.jar", List.of("socket.io/")),
            registered("copycat", false, "copycat.jar", List.of("Socket.IO/")),
            registered("absolute", false, "absolute.jar", List.of("/api/x")));

    assertEquals(List.of("socketio"), List.copyOf(channels.all().keySet()));
    assertEquals(2, severeLines().size());
  }

  @Test
  void builtInChannelsKeepTheirRootPaths() {
    ChannelPlugins channels =
        plugins(
            registered("socketio", false, "built-in:socketio.jar", List.of("socket.io/")),
            registered(
                "directline",
                false,
                "built-in:directline.jar",
                List.of("v3/directline/conversations/{conversationId}/stream")));

    assertEquals(List.of("socketio", "directline"), List.copyOf(channels.all().keySet()));
    assertEquals(Set.of("socket.io", "v3"), channels.rootSegments());
    assertEquals(List.of(), severeLines());
  }
}
