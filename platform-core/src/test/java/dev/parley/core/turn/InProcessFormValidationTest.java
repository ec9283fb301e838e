package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.TestSettings;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.MessageParser;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.tracker.ConversationLocks;
import dev.parley.core.tracker.ConversationRepository;
import dev.parley.core.tracker.MemoryTrackerStore;
import dev.parley.core.tracker.TrackerCache;
import dev.parley.core.tracker.TrackerSnapshots;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An in-process {@code validate_order_form} action on the demo bot: it sees the candidates as the
 * last {@code slot} events (as rasa_sdk's FormValidationAction does), a {@code null} rejects the
 * value with its message, and the form asks again.
 */
class InProcessFormValidationTest {

  private static final List<List<String>> SEEN = new ArrayList<>();
  private static BotModel model;
  private static TrackerCache cache;
  private static TurnProcessor turns;
  private static ConversationQueries conversations;

  /** Large portions are sold out. */
  private static final Action VALIDATE_ORDER_FORM =
      (conversation, domain) -> {
        List<Event> events = conversation.events();
        List<Event> validated = new ArrayList<>();
        List<BotResponse> responses = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && events.get(i) instanceof SlotSet slot; i--) {
          candidates.add(slot.name());
          boolean soldOut = slot.name().equals("size") && "large".equals(slot.value());
          validated.add(SlotSet.of(slot.name(), soldOut ? null : slot.value()));
          if (soldOut) {
            responses.add(BotResponse.text("Large is sold out."));
          }
        }
        synchronized (SEEN) {
          SEEN.add(candidates);
        }
        return new ActionResult(responses, validated);
      };

  @BeforeAll
  static void demoWithValidation() throws Exception {
    ServerSettings settings = TestSettings.inDir("target/validation-test");
    var project = new BotProjectParser(name -> Optional.empty()).parse(DemoBotFiles.load());
    BotModel trained =
        new BotAssembler(new PluginRegistry(settings))
            .assemble("demo", "validated", 1, project, new HashMap<>(), true);
    model =
        new BotModel(
            trained.tenant(),
            trained.bot(),
            trained.version(),
            trained.config(),
            trained.domain(),
            trained.nlu(),
            trained.policies(),
            Map.of("validate_order_form", VALIDATE_ORDER_FORM),
            trained.warnings(),
            trained.generation(),
            Optional.empty());
    cache = new TrackerCache(settings);
    var locks = new ConversationLocks(settings);
    var repository =
        new ConversationRepository(new MemoryTrackerStore(), cache, TrackerSnapshots.off());
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
    cache.evictBot("demo", "validated");
  }

  private static List<String> say(String sender, String text) {
    return turns
        .handle(model, new IncomingMessage(sender, text, null, Map.of(), "rest"))
        .messages()
        .stream()
        .map(BotMessage::text)
        .toList();
  }

  @Test
  void aRejectedValueIsAskedForAgain() {
    List<String> asked = say("v-1", "I'd like to order a chicken set meal");
    assertTrue(asked.get(asked.size() - 1).contains("size"), asked.toString());
    assertTrue(SEEN.get(SEEN.size() - 1).contains("meal_kind"), "validated on activation");

    List<String> rejected = say("v-1", "large please");
    assertEquals("Large is sold out.", rejected.get(0));
    assertTrue(rejected.get(rejected.size() - 1).contains("size"), rejected.toString());
    assertTrue(SEEN.get(SEEN.size() - 1).contains("size"), SEEN.toString());
    assertEquals(null, conversations.tracker(model, "v-1").slots().get("size"));

    List<String> accepted = say("v-1", "small please");
    assertTrue(accepted.get(accepted.size() - 1).contains("phone"), accepted.toString());
    assertEquals("small", conversations.tracker(model, "v-1").slots().get("size"));
  }
}
