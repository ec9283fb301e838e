package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.TestSettings;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.MessageParser;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationLocks;
import dev.parley.core.tracker.ConversationRepository;
import dev.parley.core.tracker.MemoryTrackerStore;
import dev.parley.core.tracker.TrackerCache;
import dev.parley.core.tracker.TrackerSnapshots;
import dev.parley.plugin.conversation.SlotSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo bot trained with the real built-in plugins (discovered by ServiceLoader) and driven
 * through the turn pipeline: forms, corrections, both languages, fallback, and a reload from the
 * stored artifacts. The store here keeps events in memory; the JPA store is tested in-server.
 */
class DemoConversationTest {

  private static BotModel model;
  private static BotModel reloaded;
  private static TrackerCache cache;
  private static TurnProcessor turns;
  private static ConversationQueries conversations;
  private static MemoryTrackerStore store;

  @BeforeAll
  static void trainDemo() throws Exception {
    ServerSettings settings = TestSettings.inDir("target/demo-test");
    PluginRegistry registry = new PluginRegistry(settings);
    var project = new BotProjectParser().parse(DemoBotFiles.load());
    Map<String, byte[]> artifacts = new HashMap<>();
    BotAssembler assembler = new BotAssembler(registry);
    model = assembler.assemble("demo", "demo", 1, project, artifacts, true);
    reloaded = assembler.assemble("demo", "demo", 1, project, artifacts, false);
    cache = new TrackerCache(settings);
    store = new MemoryTrackerStore();
    ConversationLocks locks = new ConversationLocks(settings);
    var repository = new ConversationRepository(store, cache, TrackerSnapshots.off());
    turns =
        new TurnProcessor(
            repository,
            locks,
            MessageParser.DIRECT,
            DialogueLoop.live(ReplyPhrasing.TEMPLATES, RemoteActions.NONE));
    conversations = new ConversationQueries(repository, locks);
  }

  @AfterAll
  static void stop() {
    cache.evictBot("demo", "demo");
  }

  private static String say(BotModel bot, String sender, String text) {
    TurnResult result =
        turns.handle(bot, new IncomingMessage(sender, text, null, Map.of(), "rest"));
    return String.join(" | ", result.messages().stream().map(BotMessage::text).toList());
  }

  private static Object slot(String sender, String name) {
    return conversations.tracker(model, sender).slots().get(name);
  }

  @Test
  void anAnswerThatDoesNotFillTheAskedSlotIsReported() {
    String s = "fill-1";
    TurnResult order =
        turns.handle(
            model, new IncomingMessage(s, "I'd like a chicken set meal", null, Map.of(), "rest"));
    assertFalse(order.slotFillFailed(), "nothing was asked yet");
    TurnResult unclear = turns.handle(model, new IncomingMessage(s, "hmm", null, Map.of(), "rest"));
    assertTrue(unclear.slotFillFailed(), "the size is asked again");
    TurnResult answered =
        turns.handle(model, new IncomingMessage(s, "large", null, Map.of(), "rest"));
    assertFalse(answered.slotFillFailed());
    assertEquals("large", slot(s, "size"));
  }

  @Test
  void aRetriedMessageIdGetsTheFirstReplyAndChangesNothing() {
    String s = "retry-1";
    TurnResult first =
        turns.handle(
            model,
            new IncomingMessage(s, "I'd like to order a beef set meal", "m-1", Map.of(), "rest"));
    int stored = conversations.tracker(model, s).allEvents().size();
    TurnResult again =
        turns.handle(
            model,
            new IncomingMessage(s, "I'd like to order a beef set meal", "m-1", Map.of(), "rest"));
    assertEquals(
        first.messages().stream().map(BotMessage::text).toList(),
        again.messages().stream().map(BotMessage::text).toList());
    assertEquals(first.actions(), again.actions());
    assertEquals(stored, conversations.tracker(model, s).allEvents().size(), "no duplicate events");
    turns.handle(model, new IncomingMessage(s, "large please", "m-2", Map.of(), "rest"));
    assertTrue(
        conversations.tracker(model, s).allEvents().size() > stored, "a new id is a new turn");
  }

  @Test
  void anExpiredSessionStartsANewOneAndCarriesTheSlotsOver() {
    String s = "expired-1";
    double twoHoursAgo = dev.parley.plugin.conversation.Event.now() - 2 * 3600;
    store.append(
        new dev.parley.core.tracker.ConversationKey("demo", "demo", s),
        0,
        List.of(
            new dev.parley.plugin.conversation.SlotSet("size", "large", twoHoursAgo, Map.of())));
    say(model, s, "hi");
    List<dev.parley.plugin.conversation.Event> events = conversations.tracker(model, s).events();
    assertTrue(
        events.stream().anyMatch(e -> e instanceof dev.parley.plugin.conversation.SessionStarted),
        "a new session after 60 idle minutes: " + events);
    assertEquals("large", slot(s, "size"), "carry_over_slots_to_new_session: true");
    int sessions = 0;
    for (var event : events) {
      if (event instanceof dev.parley.plugin.conversation.SessionStarted) {
        sessions++;
      }
    }
    say(model, s, "hello");
    long after =
        conversations.tracker(model, s).events().stream()
            .filter(e -> e instanceof dev.parley.plugin.conversation.SessionStarted)
            .count();
    assertEquals(sessions, after, "a conversation within the hour keeps its session");
  }

  @Test
  void englishOrderWithAChangeOfMind() {
    String s = "en-1";
    assertTrue(say(model, s, "hi").startsWith("Hi!"));
    var events = conversations.tracker(model, s).events();
    var listen = (dev.parley.plugin.conversation.ActionExecuted) events.get(events.size() - 1);
    assertEquals("action_listen", listen.name());
    assertEquals("RulePolicy", listen.policy(), "the policy that predicted listening is recorded");
    assertTrue(say(model, s, "I'd like to order a chicken set meal").contains("size"));
    assertEquals("chicken", slot(s, "meal_kind"));
    assertTrue(say(model, s, "large please").contains("phone"));
    assertEquals("large", slot(s, "size"));
    assertTrue(say(model, s, "13812345678").contains("deliver"));
    String confirm = say(model, s, "12 Park Road, Springfield");
    assertTrue(confirm.contains("large chicken set meal to 12 Park Road, Springfield"), confirm);
    String changed = say(model, s, "actually make it small");
    assertTrue(changed.contains("small chicken"), changed);
    assertTrue(say(model, s, "yes").startsWith("Done!"));
  }

  @Test
  void chineseOrderAnsweredInChinese() {
    String s = "zh-1";
    assertTrue(say(model, s, "你好").startsWith("你好"));
    assertTrue(say(model, s, "我要一份牛肉套餐").contains("份量"));
    assertEquals("牛肉", slot(s, "meal_kind"));
    say(model, s, "中份");
    say(model, s, "13912345678");
    String confirm = say(model, s, "北京市朝阳区建国路1号");
    assertTrue(confirm.contains("中份牛肉套餐"), confirm);
    String changed = say(model, s, "改成大份");
    assertTrue(changed.contains("大份牛肉套餐"), changed);
  }

  @Test
  void interruptionsInsideTheFormAreAnsweredAndTheFormResumes() {
    String s = "en-2";
    say(model, s, "I want a beef set meal");
    String answer = say(model, s, "are you a bot?");
    assertTrue(answer.contains("demo bot") && answer.contains("size"), answer);
    assertEquals("size", slot(s, "requested_slot"));
  }

  @Test
  void outOfScopeIsFallback() {
    String s = "en-3";
    say(model, s, "hello");
    String reply = say(model, s, "what is the airspeed velocity of an unladen swallow");
    assertTrue(reply.startsWith("Sorry, I didn't get that"), reply);
  }

  @Test
  void aReloadedModelAnswersLikeTheTrainedOne() {
    assertTrue(say(reloaded, "re-1", "I'd like to order a fish set meal").contains("size"));
    assertEquals(
        model.nlu().parse(new dev.parley.plugin.nlu.Message("change it to large", "en", null)),
        reloaded.nlu().parse(new dev.parley.plugin.nlu.Message("change it to large", "en", null)));
  }

  @Test
  void aLongConversationIsCompactedAndKeepsItsStateAndHistory() {
    var locks = new ConversationLocks(TestSettings.inDir("target/demo-test"));
    var repository = new ConversationRepository(store, cache, new TrackerSnapshots(40));
    TurnProcessor compacting =
        new TurnProcessor(
            repository,
            locks,
            MessageParser.DIRECT,
            DialogueLoop.live(ReplyPhrasing.TEMPLATES, RemoteActions.NONE));
    var compacted = new ConversationQueries(repository, locks);
    String s = "long-1";
    compacting.handle(
        model, new IncomingMessage(s, "I'd like a chicken set meal", null, Map.of(), "rest"));
    compacting.handle(model, new IncomingMessage(s, "large", null, Map.of(), "rest"));
    for (int i = 0; i < 30; i++) {
      compacting.handle(model, new IncomingMessage(s, "hello", null, Map.of(), "rest"));
    }
    var current = compacted.tracker(model, s);
    assertTrue(current.baseSequence() > 0, "compacted");
    assertTrue(current.allEvents().size() <= 40 + 10, "holds a bounded number of events");
    assertEquals("chicken", current.slots().get("meal_kind"));
    assertEquals("large", current.slots().get("size"));
    var full = compacted.fullHistory(model, s);
    assertEquals(0, full.baseSequence());
    assertEquals(current.persistedCount(), full.allEvents().size());
    assertEquals(current.slots(), full.slots());
  }

  @Test
  void aCachedTrackerBehindTheStoreRunsTheTurnAgainOnTheStoredStateAndACrashClearsTheCache()
      throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var self = new dev.parley.core.cluster.ClusterSettings.Member("127.0.0.1", port);
    var node =
        new dev.parley.core.cluster.CacheNode(
            new dev.parley.core.cluster.ClusterSettings(
                java.util.Optional.of(self), List.of(self)));
    try {
      var settings = TestSettings.inDir("target/demo-test");
      TrackerCache clusteredCache = new TrackerCache(settings, node);
      var locks = new ConversationLocks(settings);
      var repository = new ConversationRepository(store, clusteredCache, TrackerSnapshots.off());
      TurnProcessor onThisServer =
          new TurnProcessor(
              repository,
              locks,
              MessageParser.DIRECT,
              DialogueLoop.live(ReplyPhrasing.TEMPLATES, RemoteActions.NONE));
      var onThisServerQueries = new ConversationQueries(repository, locks);
      String s = "cluster-stale-1";
      onThisServer.handle(
          model, new IncomingMessage(s, "I'd like a chicken set meal", null, Map.of(), "rest"));
      ConversationKey key = new ConversationKey("demo", "demo", s);
      int stored = store.load(key).size();
      // another server stored a turn and died before invalidating this server's copy
      store.append(key, stored, List.of(SlotSet.of("size", "large")));
      assertEquals(
          stored, onThisServerQueries.tracker(model, s).persistedCount(), "the stale copy");
      IncomingMessage next = new IncomingMessage(s, "hello", null, Map.of(), "rest");
      TurnResult answered = onThisServer.handle(model, next);
      assertFalse(answered.messages().isEmpty(), "answered on the stored state");
      assertEquals("large", onThisServerQueries.tracker(model, s).slots().get("size"), "reloaded");
      assertTrue(
          onThisServerQueries.tracker(model, s).persistedCount() > stored + 1,
          "the other server's event, then this turn's");
      long hellos =
          store.load(key).stream()
              .filter(
                  e ->
                      e instanceof dev.parley.plugin.conversation.UserUttered u
                          && u.text().equals("hello"))
              .count();
      assertEquals(
          1, hellos, "the turn on the stale copy stored nothing, the one on the stored state once");

      clusteredCache.put(onThisServerQueries.tracker(model, s));
      clusteredCache.forgetAllHere();
      assertTrue(clusteredCache.get(key).isEmpty(), "a server leaving clears the copies here");
    } finally {
      node.close();
    }
  }
}
