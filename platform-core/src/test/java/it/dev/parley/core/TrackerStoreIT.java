package it.dev.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.StoredConversation;
import dev.parley.core.tracker.TrackerStore;
import dev.parley.core.turn.ConversationQueries;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.core.turn.TurnProcessor;
import dev.parley.core.turn.TurnResult;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In-server tests of the tracker store (JPA on the server's data source) and the turn pipeline. */
@ExtendWith(ArquillianExtension.class)
class TrackerStoreIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.coreWar().addClass(TrackerStoreIT.class);
  }

  @Inject TrackerStore store;
  @Inject TurnProcessor turns;
  @Inject ConversationQueries conversations;
  @Inject BotCatalog bots;

  @Test
  void eventsAreAppendedInOrderLoadedBackAndErased() {
    ConversationKey key = new ConversationKey("arq", "bot", "s-" + System.nanoTime());
    assertTrue(store.load(key).isEmpty());
    List<Event> first =
        List.of(
            ActionExecuted.of("action_session_start", null, null),
            SlotSet.of("size", "large"),
            ActionExecuted.of("action_listen", null, null));
    store.append(key, 0, first);
    store.append(key, 3, List.of(SlotSet.of("size", "small")));
    List<Event> loaded = store.load(key);
    assertEquals(4, loaded.size());
    assertEquals(first, loaded.subList(0, 3));
    assertEquals(SlotSet.of("size", "small").value(), ((SlotSet) loaded.get(3)).value());
    assertTrue(store.delete(key));
    assertTrue(store.load(key).isEmpty());
    assertFalse(store.delete(key));
  }

  @Test
  void manyConversationsAreErasedAtOnceAndOthersKept() {
    String run = "many-" + System.nanoTime() + "-";
    List<ConversationKey> erased = new java.util.ArrayList<>();
    for (int i = 0; i < 505; i++) {
      erased.add(new ConversationKey("arq", "bot", run + i));
    }
    ConversationKey kept = new ConversationKey("arq", "bot", run + "kept");
    for (ConversationKey key : erased.subList(0, 503)) {
      store.append(key, 0, List.of(ActionExecuted.of("action_listen", null, null)));
    }
    store.append(kept, 0, List.of(ActionExecuted.of("action_listen", null, null)));
    assertEquals(503, store.deleteAll(erased), "two statements' worth, two never stored");
    assertTrue(store.load(erased.get(0)).isEmpty());
    assertTrue(store.load(erased.get(502)).isEmpty());
    assertEquals(1, store.load(kept).size());
  }

  @Test
  void aTurnOfTheDemoBotIsStoredAndCached() {
    LoadedBot demo = bots.find("demo", "demo").orElseThrow();
    String sender = "arq-" + System.nanoTime();
    TurnResult result =
        turns.handle(demo.model(), new IncomingMessage(sender, "hello", null, Map.of(), "rest"));
    assertFalse(result.messages().isEmpty());
    assertEquals("greet", result.parse().intent().name());
    List<Event> stored = store.load(new ConversationKey("demo", "demo", sender));
    assertTrue(stored.stream().anyMatch(UserUttered.class::isInstance));
    assertEquals(stored.size(), conversations.tracker(demo.model(), sender).allEvents().size());
  }

  @Test
  void aSnapshotIsLoadedWithTheEventsAfterItAndErasedWithTheConversation() {
    ConversationKey key = new ConversationKey("arq", "bot", "snap-" + System.nanoTime());
    store.append(key, 0, List.of(ActionExecuted.of("action_listen", null, null)));
    store.append(key, 1, List.of(SlotSet.of("size", "large"), SlotSet.of("size", "small")));
    store.append(key, 3, List.of(SlotSet.of("size", "medium")));
    store.saveSnapshot(key, 2, List.of(SlotSet.of("size", "large")));
    StoredConversation latest = store.loadLatest(key);
    assertEquals(2, latest.baseSequence());
    assertEquals(1, latest.snapshot().size());
    assertEquals(2, latest.events().size(), "the batch that straddles the snapshot is cut");
    assertEquals("small", ((SlotSet) latest.events().get(0)).value());
    assertEquals(4, store.load(key).size(), "the log keeps every event");
    store.saveSnapshot(key, 1, List.of());
    assertEquals(2, store.loadLatest(key).baseSequence(), "an older snapshot never replaces one");
    assertTrue(store.delete(key));
    assertEquals(0, store.loadLatest(key).baseSequence());
    assertTrue(store.loadLatest(key).events().isEmpty());
    assertTrue(store.load(key).isEmpty());
  }
}
