package dev.parley.plugins.channel.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Socket.IO 5 packets as the protocol document writes them. */
class SocketPacketTest {

  @Test
  void readsAnEventWithAnAckIdOnTheMainNamespace() {
    SocketPacket packet =
        SocketPacket.parse("212[\"user_uttered\",{\"message\":\"hi\"}]").orElseThrow();
    assertEquals(SocketPacket.EVENT, packet.type());
    assertEquals("/", packet.namespace());
    assertEquals(Optional.of(12L), packet.ackId());
    assertEquals("[\"user_uttered\",{\"message\":\"hi\"}]", packet.json().orElseThrow());
  }

  @Test
  void readsAConnectToANamespaceWithAuth() {
    SocketPacket packet = SocketPacket.parse("0/admin,{\"token\":\"k\"}").orElseThrow();
    assertEquals(SocketPacket.CONNECT, packet.type());
    assertEquals("/admin", packet.namespace());
    assertTrue(packet.ackId().isEmpty());
    assertEquals("{\"token\":\"k\"}", packet.json().orElseThrow());
    assertEquals(SocketPacket.CONNECT, SocketPacket.parse("0").orElseThrow().type());
    assertEquals("/admin", SocketPacket.parse("1/admin,").orElseThrow().namespace());
  }

  @Test
  void writesWhatItReads() {
    for (String text :
        new String[] {"0{\"sid\":\"x\"}", "2[\"a\",1]", "37[]", "2/n,5[\"a\"]", "1"}) {
      assertEquals(text, SocketPacket.parse(text).orElseThrow().encode());
    }
  }

  @Test
  void refusesBinaryAndUnknownPackets() {
    assertTrue(SocketPacket.parse("51-[\"a\",{\"_placeholder\":true,\"num\":0}]").isEmpty());
    assertTrue(SocketPacket.parse("x").isEmpty());
    assertTrue(SocketPacket.parse("").isEmpty());
  }
}
