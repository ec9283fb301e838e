package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Messages of one sender sent at the same time are handled one after the other, none lost. */
class ConcurrencyIT {

  private final ParleyServer server = ParleyServer.shared();

  @Test
  void simultaneousMessagesOfOneSenderAreSerialisedAndAllStored() throws Exception {
    String sender = "it-burst-" + System.nanoTime();
    Conversation chat = new Conversation(server, "demo", "demo", sender);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<String>>> replies = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      replies.add(pool.submit(() -> chat.say("hello")));
    }
    for (Future<List<String>> reply : replies) {
      assertEquals(1, reply.get(60, TimeUnit.SECONDS).size());
    }
    pool.shutdown();
    JsonNode events = chat.tracker().path("events");
    int users = 0;
    int listensAfterUser = 0;
    String previous = "";
    for (JsonNode event : events) {
      String type = event.path("event").asText();
      if (type.equals("user")) {
        assertEquals("action_listen", previous, "every turn starts after the previous one ended");
        users++;
      }
      if (type.equals("action")) {
        previous = event.path("name").asText();
        if (previous.equals("action_listen") && users > 0) {
          listensAfterUser++;
        }
      }
    }
    assertEquals(24, users);
    assertEquals(24, listensAfterUser);
  }

  @Test
  void aRetriedMessageIdIsAnsweredOnceEvenWhenTheRetriesRace() throws Exception {
    String sender = "it-retry-" + System.nanoTime();
    Conversation chat = new Conversation(server, "demo", "demo", sender);
    chat.say("hi");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<JsonNode>> replies = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      replies.add(pool.submit(() -> chat.send("I'd like to order a fish set meal", "client-42")));
    }
    List<String> texts = new ArrayList<>();
    for (Future<JsonNode> reply : replies) {
      texts.add(reply.get(60, TimeUnit.SECONDS).toString());
    }
    pool.shutdown();
    assertEquals(
        1, texts.stream().distinct().count(), "every retry gets the first reply: " + texts);
    int users = 0;
    for (JsonNode event : chat.tracker().path("events")) {
      if (event.path("event").asText().equals("user")) {
        users++;
      }
    }
    assertEquals(2, users, "the message was processed once");
  }
}
