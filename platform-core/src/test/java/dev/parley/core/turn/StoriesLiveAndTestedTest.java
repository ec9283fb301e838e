package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.TestSettings;
import dev.parley.core.bot.ActionRoute;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.MessageParser;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.bot.definition.ProjectFiles;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.json.Json;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.tracker.ConversationLocks;
import dev.parley.core.tracker.ConversationRepository;
import dev.parley.core.tracker.MemoryTrackerStore;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.tracker.TrackerCache;
import dev.parley.core.tracker.TrackerSnapshots;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled bot's test stories (the demo bot's and those of the end-to-end tests' bots, among
 * them a formbot after Rasa's example), played twice: as live conversations through the {@link
 * TurnProcessor}, and through the {@link StoryTester}. Both must take the same actions after every
 * user message. An action server, where a bot has one, answers each custom action with the {@code
 * slot_was_set} steps that follow it in the story.
 */
class StoriesLiveAndTestedTest {

  private static final Path TEST_BOTS = Path.of("../liberty/src/test/resources/bots");

  /**
   * Bots whose test stories must also pass in the story tester, among them the formbot's
   * stop-and-continue unhappy paths (the loop stays rejected until it runs again), its form
   * completed by typed, annotated answers followed by the submit rule, and its end-to-end story.
   * Not remote-orders: its quantity validation runs on a real action server, which the story's
   * steps only stand in for here.
   */
  private static final java.util.Set<String> MUST_PASS =
      java.util.Set.of("demo", "orders", "llm-pizza", "faq", "booking", "moodbot", "formbot");

  private static ServerSettings settings;
  private static TrackerCache cache;

  @BeforeAll
  static void start() {
    settings = TestSettings.inDir("target/stories-live-test");
    cache = new TrackerCache(settings);
  }

  @AfterAll
  static void stop() {
    bots().forEach(bot -> cache.evictBot("replay", (String) bot.get()[0]));
  }

  static Stream<Arguments> bots() {
    List<Arguments> bots = new ArrayList<>();
    bots.add(Arguments.of("demo", DemoBotFiles.load()));
    try (Stream<Path> dirs = Files.list(TEST_BOTS)) {
      dirs.filter(dir -> Files.isDirectory(dir.resolve("tests")))
          .sorted()
          .forEach(
              dir ->
                  bots.add(
                      Arguments.of(dir.getFileName().toString(), ProjectFiles.fromDirectory(dir))));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bots.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bots")
  void aStoryTakesTheSameActionsLiveAndInTheStoryTester(String name, Map<String, String> files)
      throws Exception {
    BotProject project = new BotProjectParser().parse(withActionServerUrl(files));
    BotModel model =
        new BotAssembler(new PluginRegistry(settings), StoriesLiveAndTestedTest::llmConnection)
            .assemble("replay", name, 1, project, new HashMap<>(), true);
    List<Story> stories = project.testStories();
    assertTrue(!stories.isEmpty(), "the bot has test stories");
    int compared = 0;
    for (int i = 0; i < stories.size(); i++) {
      Story story = stories.get(i);
      if (!(story.steps().get(0) instanceof StoryStep.User)) {
        continue; // starts mid-conversation: a live conversation cannot
      }
      StoryTester tester =
          new StoryTester(
              DialogueLoop.replaying(new StoryActionServer(story)), m -> model.nlu().parse(m));
      StoryTester.StoryReplay replay = tester.replay(model, story, i);
      if (MUST_PASS.contains(name)) {
        assertEquals(Optional.empty(), replay.failure(), story.name() + " of " + name);
      }
      List<List<String>> tested = replay.turns();
      List<List<String>> live = playLive(model, story, name + "-" + i, tested.size());
      for (int turn = 0; turn < tested.size(); turn++) {
        List<String> expected = tested.get(turn);
        List<String> actual = live.get(turn);
        if (turn == tested.size() - 1 && expected.size() < actual.size()) {
          actual = actual.subList(0, expected.size()); // the story ends before the bot listens
        }
        assertEquals(
            expected, actual, story.name() + ", after user message " + (turn + 1) + " of " + name);
      }
      compared++;
    }
    assertTrue(compared > 0, "at least one story of " + name + " was compared");
  }

  /** A connection for bots that rephrase with an LLM; live turns here say templates. */
  private static Optional<Map<String, Object>> llmConnection(String tenant, String connection) {
    return Optional.of(Map.of("base_url", "http://127.0.0.1:9/v1", "model", connection));
  }

  /** The bot's files with its action server's URL given (the server would take it from config). */
  private static Map<String, String> withActionServerUrl(Map<String, String> files) {
    Map<String, String> given = new LinkedHashMap<>(files);
    given.computeIfPresent(
        "endpoints.yml",
        (file, text) -> text.replace("${ACTION_SERVER_URL}", "http://127.0.0.1:9"));
    return given;
  }

  /** Sends the story's user messages as a live conversation; the actions after each. */
  private static List<List<String>> playLive(
      BotModel model, Story story, String sender, int turns) {
    ConversationLocks locks = new ConversationLocks(settings);
    var repository =
        new ConversationRepository(new MemoryTrackerStore(), cache, TrackerSnapshots.off());
    StoryStep.User[] current = new StoryStep.User[1];
    MessageParser parser =
        (bot, message) ->
            current[0].text() != null && !current[0].text().isBlank()
                ? bot.nlu().parse(message)
                : StoryTester.parseOf(current[0]);
    TurnProcessor processor =
        new TurnProcessor(
            repository,
            locks,
            parser,
            DialogueLoop.live(ReplyPhrasing.TEMPLATES, new StoryActionServer(story)));
    List<List<String>> actions = new ArrayList<>();
    for (StoryStep step : story.steps()) {
      if (step instanceof StoryStep.User user && actions.size() < turns) {
        current[0] = user;
        TurnResult result =
            processor.handle(
                model, new IncomingMessage(sender, messageOf(user), null, Map.of(), "rest"));
        actions.add(result.actions());
      }
    }
    if (System.getProperty("debugReplay") != null) {
      repository
          .load(
              new dev.parley.core.tracker.ConversationKey("replay", model.bot(), sender), Map.of())
          .allEvents()
          .forEach(e -> System.out.println("LIVE " + e));
    }
    return actions;
  }

  /** What a user would send for the step: its text, or the intent as a payload. */
  private static String messageOf(StoryStep.User user) {
    if (user.text() != null && !user.text().isBlank()) {
      return user.text().strip();
    }
    Map<String, Object> entities = new LinkedHashMap<>();
    user.entities().forEach(entity -> entities.put(entity.entity(), entity.value()));
    try {
      return "/"
          + user.intent()
          + (entities.isEmpty() ? "" : Json.mapper().writeValueAsString(entities));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An action server that answers as the story says: the n-th call of a custom action sets the
   * slots of the {@code slot_was_set} steps that follow the story's n-th step with that action.
   */
  private static final class StoryActionServer implements RemoteActions {
    private final Story story;
    private final Map<String, Integer> calls = new HashMap<>();

    StoryActionServer(Story story) {
      this.story = story;
    }

    @Override
    public ActionOutcome run(String action, Tracker tracker, BotModel model) {
      if (model.route(action) != ActionRoute.ACTION_SERVER) {
        return new ActionOutcome.Failed("not an action-server action");
      }
      int occurrence = calls.merge(action, 1, Integer::sum);
      List<Event> events = new ArrayList<>();
      List<StoryStep> steps = story.steps();
      for (int i = 0, seen = 0; i < steps.size(); i++) {
        if (steps.get(i) instanceof StoryStep.Action step
            && action.equals(step.name())
            && ++seen == occurrence) {
          for (int j = i + 1; j < steps.size() && steps.get(j) instanceof StoryStep.Slot; j++) {
            StoryStep.Slot slot = (StoryStep.Slot) steps.get(j);
            events.add(SlotSet.of(slot.name(), slot.value()));
          }
          break;
        }
      }
      return new ActionOutcome.Completed(new ActionResult(List.of(), events));
    }
  }
}
