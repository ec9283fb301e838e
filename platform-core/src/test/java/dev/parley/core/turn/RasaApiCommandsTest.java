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
import dev.parley.core.tracker.Tracker;
import dev.parley.core.tracker.TrackerCache;
import dev.parley.core.tracker.TrackerSnapshots;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.BotUttered;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The turn-side entry points of Rasa's HTTP API on the demo bot: appended events, a triggered
 * intent, a logged message, one executed action and a prediction, each stored (or not) as a turn
 * is.
 */
class RasaApiCommandsTest {

  private static BotModel model;
  private static TrackerCache cache;
  private static MemoryTrackerStore store;
  private static TurnProcessor turns;
  private static ConversationCommands commands;

  @BeforeAll
  static void trainDemo() throws Exception {
    ServerSettings settings = TestSettings.inDir("target/rasa-api-test");
    var project = new BotProjectParser().parse(DemoBotFiles.load());
    model =
        new BotAssembler(new PluginRegistry(settings))
            .assemble("demo", "rasa-api", 1, project, new HashMap<>(), true);
    cache = new TrackerCache(settings);
    store = new MemoryTrackerStore();
    ConversationLocks locks = new ConversationLocks(settings);
    var repository = new ConversationRepository(store, cache, TrackerSnapshots.off());
    DialogueLoop dialogue = DialogueLoop.live(ReplyPhrasing.TEMPLATES, RemoteActions.NONE);
    turns = new TurnProcessor(repository, locks, MessageParser.DIRECT, dialogue);
    commands = new ConversationCommands(repository, locks, dialogue);
  }

  @AfterAll
  static void stop() {
    cache.evictBot("demo", "rasa-api");
  }

  private static List<Event> stored(String sender) {
    return store.load(new ConversationKey("demo", "rasa-api", sender));
  }

  @Test
  void appendedEventsAreAppliedAndStoredAsTheyAre() {
    Tracker tracker =
        commands.append(
            model,
            "append-1",
            List.of(SlotSet.of("size", "large"), ActionExecuted.of("action_listen", null, null)));
    assertEquals("large", tracker.slots().get("size"));
    List<Event> stored = stored("append-1");
    assertEquals(2, stored.size(), "no session start is added: " + stored);
    assertTrue(stored.get(0) instanceof SlotSet);
  }

  @Test
  void aTriggeredIntentRunsATurnWithTheGivenParse() {
    ParseResult parse =
        new ParseResult(
            "EXTERNAL: order_meal",
            new IntentPrediction("order_meal", 1.0),
            List.of(),
            List.of(new Entity("meal_kind", "chicken", 0, 0, 1.0, "external", null, null, null)));
    TurnOutcome outcome =
        turns.handle(
            model,
            new IncomingMessage("trigger-1", parse.text(), null, Map.of(), "collector"),
            Optional.of(parse),
            true);
    assertEquals("chicken", outcome.tracker().slots().get("meal_kind"));
    assertEquals(Optional.of("order_form"), outcome.tracker().activeLoop());
    assertFalse(outcome.result().messages().isEmpty(), "the form asks for the size");
    assertEquals(outcome.tracker().allEvents().size(), stored("trigger-1").size());
  }

  @Test
  void aLoggedMessageExtractsSlotsButPredictsNothing() {
    TurnOutcome outcome =
        turns.handle(
            model,
            new IncomingMessage("log-1", "a large beef set meal", "log-m1", Map.of(), null),
            Optional.empty(),
            false);
    assertTrue(outcome.result().messages().isEmpty());
    assertTrue(outcome.result().actions().isEmpty());
    Event last = outcome.tracker().allEvents().get(outcome.tracker().allEvents().size() - 1);
    assertFalse(last instanceof ActionExecuted, "the bot did not act: " + last);
    assertTrue(
        outcome.tracker().allEvents().stream().anyMatch(e -> e instanceof UserUttered),
        "the message is logged");
    int size = stored("log-1").size();
    turns.handle(
        model,
        new IncomingMessage("log-1", "a large beef set meal", "log-m1", Map.of(), null),
        Optional.empty(),
        false);
    assertEquals(size, stored("log-1").size(), "a repeated message id changes nothing");
  }

  @Test
  void anExecutedActionSaysItsResponseAndTheBotDoesNotGoOn() {
    ConversationCommands.Executed executed =
        commands.execute(model, "execute-1", "utter_greet", "api", 0.5);
    assertEquals(1, executed.messages().size());
    List<Event> events = stored("execute-1");
    assertTrue(events.stream().anyMatch(e -> e instanceof BotUttered));
    ActionExecuted last =
        events.stream()
            .filter(e -> e instanceof ActionExecuted)
            .map(ActionExecuted.class::cast)
            .reduce((a, b) -> b)
            .orElseThrow();
    assertEquals("utter_greet", last.name());
    assertEquals("api", last.policy());
    assertEquals(0.5, last.confidence());
  }

  @Test
  void aPredictionScoresEveryActionAndChangesNothing() {
    assertTrue(commands.predict(model, "predict-none").isEmpty(), "unknown conversation");
    turns.handle(model, new IncomingMessage("predict-1", "hi", null, Map.of(), "rest"));
    commands.append(
        model,
        "predict-1",
        List.of(
            new UserUttered(
                "bye",
                new ParseResult("bye", new IntentPrediction("goodbye", 1.0), List.of(), List.of()),
                "rest",
                "p-2",
                Event.now(),
                Map.of())));
    int size = stored("predict-1").size();
    ConversationCommands.NextAction next = commands.predict(model, "predict-1").orElseThrow();
    assertEquals("utter_goodbye", next.scores().get(0).action(), next.scores().toString());
    assertEquals(next.confidence(), next.scores().get(0).score());
    assertEquals(ConversationCommands.actionNames(model.domain()).size(), next.scores().size());
    for (int i = 1; i < next.scores().size(); i++) {
      assertTrue(next.scores().get(i - 1).score() >= next.scores().get(i).score());
    }
    assertEquals(size, stored("predict-1").size());
  }

  @Test
  void onlyActionsOfTheBotAreKnown() {
    assertTrue(ConversationCommands.knows(model.domain(), "utter_greet"));
    assertTrue(ConversationCommands.knows(model.domain(), "order_form"));
    assertTrue(ConversationCommands.knows(model.domain(), "action_restart"));
    assertFalse(ConversationCommands.knows(model.domain(), "utter_nothing"));
    assertFalse(ConversationCommands.knows(model.domain(), "action_unknown"));
  }
}
