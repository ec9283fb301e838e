package dev.parley.core.turn;

import dev.parley.core.bot.ActionRoute;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.RetrievalIntents;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.bot.ResponseVariation;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs Rasa test stories against a bot, each in a fresh in-memory conversation, as {@code rasa
 * test} does: a user step with text is understood by the bot's NLU and its intent (and annotated
 * entities) must match; a user step with only an intent feeds that intent to the dialogue; at every
 * action step, and before every user step that follows the bot, the dialogue's prediction must
 * match. Actions before a story's first user step are the conversation so far and are not judged.
 * The dialogue is the {@link DialogueLoop} that live turns run; custom actions are not called
 * (their effects come from the story's {@code slot_was_set} and {@code active_loop} steps).
 */
public final class StoryTester {

  private static final String TEST_CHANNEL = "test";
  private static final String REQUESTED_SLOT = "requested_slot";

  private final DialogueLoop dialogue;
  private final Function<Message, ParseResult> nlu;

  /**
   * A tester that runs stories through that dialogue loop, parsing users' messages with {@code
   * nlu}.
   */
  public StoryTester(DialogueLoop dialogue, Function<Message, ParseResult> nlu) {
    this.dialogue = dialogue;
    this.nlu = nlu;
  }

  /** Runs every story without an action server (forms are not validated remotely). */
  public static StoryTestReport run(BotModel model, List<Story> stories) {
    return run(model, stories, RemoteActions.NONE);
  }

  /**
   * Runs every story and reports the first difference of each failed one; a form's validation
   * action runs as it does live (in-process, or on the action server through {@code remote}).
   */
  public static StoryTestReport run(BotModel model, List<Story> stories, RemoteActions remote) {
    return run(model, stories, remote, message -> model.nlu().parse(message));
  }

  /**
   * As {@link #run(BotModel, List, RemoteActions)}, parsing the users' messages with {@code nlu}
   * (the server passes its guarded parse, so re-check stages keep their deadline and circuit
   * breaker).
   */
  public static StoryTestReport run(
      BotModel model,
      List<Story> stories,
      RemoteActions remote,
      Function<Message, ParseResult> nlu) {
    return new StoryTester(DialogueLoop.replaying(remote), nlu).test(model, stories);
  }

  /** Runs every story and reports the first difference of each failed one. */
  public StoryTestReport test(BotModel model, List<Story> stories) {
    List<StoryTestReport.Failure> failures = new ArrayList<>();
    int index = 0;
    for (Story story : stories) {
      replay(model, story, index++).failure().ifPresent(failures::add);
    }
    return new StoryTestReport(stories.size(), stories.size() - failures.size(), failures);
  }

  /**
   * Replays one story: the actions the dialogue ran after each user message (up to the first
   * difference), and that difference if there is one.
   *
   * @param index the story's position, which names its conversation
   */
  public StoryReplay replay(BotModel model, Story story, int index) {
    Run run = new Run(model, story, index);
    Optional<StoryTestReport.Failure> failure = run.play();
    return new StoryReplay(run.turns, failure, run.tracker.allEvents());
  }

  /**
   * What a story's replay did.
   *
   * @param turns the actions after each user message, one list per user message
   * @param failure the first step where the bot did something else, if any
   * @param events the conversation as the bot saw it
   */
  public record StoryReplay(
      List<List<String>> turns, Optional<StoryTestReport.Failure> failure, List<Event> events) {}

  /** One story's conversation. */
  private final class Run {

    private final BotModel model;
    private final Story story;
    private final Tracker tracker;
    private final List<List<String>> turns = new ArrayList<>();
    private TurnContext turn;

    Run(BotModel model, Story story, int index) {
      this.model = model;
      this.story = story;
      this.tracker =
          Tracker.fromStored(
              new ConversationKey(model.tenant(), model.bot(), "story-test-" + index),
              model.domain().slots(),
              List.of());
      SessionStart.ifNeeded(tracker, model);
    }

    Optional<StoryTestReport.Failure> play() {
      int position = 0;
      for (StoryStep step : story.steps()) {
        position++;
        if (turn == null && step instanceof StoryStep.Action context && context.name() != null) {
          applyAsContext(context.name());
          continue;
        }
        Optional<StoryTestReport.Failure> failure = play(step, position);
        if (failure.isPresent()) {
          return failure;
        }
      }
      return Optional.empty();
    }

    private Optional<StoryTestReport.Failure> play(StoryStep step, int position) {
      if (step instanceof StoryStep.User user) {
        Optional<String> difference =
            turn == null ? Optional.empty() : expectAction(CoreActionNames.LISTEN, null);
        if (difference.isEmpty()) {
          difference = hear(user);
        }
        return difference.map(predicted -> failure(position, expectedOf(user), predicted));
      }
      if (step instanceof StoryStep.Action action) {
        String expected =
            action.name() != null ? "action: " + action.name() : "bot: " + action.botText();
        return expectAction(action.name(), action.botText())
            .map(predicted -> failure(position, expected, predicted));
      }
      if (step instanceof StoryStep.Slot slot
          && !Objects.equals(tracker.slots().get(slot.name()), slot.value())) {
        tracker.append(SlotSet.of(slot.name(), slot.value()));
      }
      if (step instanceof StoryStep.Loop loop
          && !Objects.equals(tracker.activeLoop().orElse(null), loop.name())) {
        tracker.append(ActiveLoop.of(loop.name()));
        if (loop.name() == null && tracker.slots().get(REQUESTED_SLOT) != null) {
          // The story says the loop ended: it ends as a form deactivates (Rasa's tracker after
          // the form, or action_deactivate_loop), with nothing requested any more.
          tracker.append(SlotSet.of(REQUESTED_SLOT, null));
        }
      }
      return Optional.empty();
    }

    /** An action before the story's first user message: the story starts mid-conversation. */
    private void applyAsContext(String action) {
      tracker.append(ActionExecuted.of(action, null, null));
      if (model.route(action) == ActionRoute.CORE && !action.equals(CoreActionNames.LISTEN)) {
        ActionRunner.run(action, tracker, model)
            .ifPresent(result -> tracker.appendAll(result.events()));
      }
    }

    /** Adds the user's message and runs what follows it; a difference if NLU understood else. */
    private Optional<String> hear(StoryStep.User user) {
      ParseResult parse;
      if (user.text() != null && !user.text().isBlank()) {
        String text = user.text().strip();
        parse =
            PayloadParser.parse(text, model.domain())
                .orElseGet(() -> nlu.apply(new Message(text, model.config().language(), Map.of())));
        Optional<String> difference = differenceOf(user, parse);
        if (difference.isPresent()) {
          return difference;
        }
      } else {
        parse = parseOf(user);
      }
      tracker.append(
          new UserUttered(parse.text(), parse, TEST_CHANNEL, null, Event.now(), Map.of()));
      turn = TurnContext.of(tracker, model);
      turns.add(turn.actions());
      if (!tracker.paused()) {
        dialogue.understand(turn);
      }
      return Optional.empty();
    }

    /**
     * Predicts and runs actions until one is not rejected, as a live turn does; a difference if it
     * is not the expected one.
     */
    private Optional<String> expectAction(String expectedName, String expectedBotText) {
      while (true) {
        PolicyEnsemble.Choice choice = dialogue.predict(turn);
        String predicted = choice.action();
        int said = turn.messages().size();
        if (predicted.equals(CoreActionNames.LISTEN)) {
          dialogue.listen(turn, choice);
        } else if (dialogue.act(turn, choice) == DialogueLoop.Step.REJECTED) {
          continue;
        }
        boolean matches =
            expectedName != null
                ? predicted.equals(expectedName)
                : saysText(
                    predicted,
                    expectedBotText,
                    turn.messages().subList(said, turn.messages().size()));
        return matches ? Optional.empty() : Optional.of("action: " + predicted);
      }
    }

    private StoryTestReport.Failure failure(int position, String expected, String predicted) {
      return new StoryTestReport.Failure(story.name(), position, expected, predicted);
    }

    /**
     * Whether the action said the story's {@code bot:} text: the text it rendered (slots filled
     * in), or one of its response's variations as written.
     */
    private boolean saysText(String action, String text, List<BotMessage> rendered) {
      if (text == null) {
        return false;
      }
      String wanted = text.strip();
      if (rendered.stream().anyMatch(m -> m.text() != null && m.text().strip().equals(wanted))) {
        return true;
      }
      List<ResponseVariation> variations = model.domain().responses().get(action);
      return variations != null
          && variations.stream().anyMatch(v -> v.text() != null && v.text().strip().equals(wanted));
    }
  }

  private static Optional<String> differenceOf(StoryStep.User user, ParseResult parse) {
    String predicted =
        user.intent() != null && user.intent().indexOf('/') > 0
            ? RetrievalIntents.fullIntent(parse)
            : parse.intent().name();
    if (user.intent() != null && !user.intent().equals(predicted)) {
      return Optional.of("intent: " + predicted);
    }
    for (StoryStep.EntityValue expected : user.entities()) {
      boolean found =
          parse.entities().stream()
              .anyMatch(
                  entity ->
                      entity.entity().equals(expected.entity())
                          && (expected.value() == null
                              || sameValue(expected.value(), entity.value())));
      if (!found) {
        return Optional.of("entities: " + describe(parse.entities()));
      }
    }
    return Optional.empty();
  }

  /** Whether an extracted value is the story's: the same text, or the same number ("4" and 4.0). */
  private static boolean sameValue(String expected, Object actual) {
    String text = String.valueOf(actual);
    if (expected.equals(text)) {
      return true;
    }
    try {
      return Double.parseDouble(expected) == Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The parse a user step without text stands for: its intent, certain, and its entities. */
  static ParseResult parseOf(StoryStep.User user) {
    List<Entity> entities = new ArrayList<>();
    for (StoryStep.EntityValue entity : user.entities()) {
      entities.add(
          new Entity(
              entity.entity(),
              entity.value(),
              0,
              0,
              1.0,
              "story",
              entity.role(),
              entity.group(),
              List.of()));
    }
    IntentPrediction intent = new IntentPrediction(user.intent(), 1.0);
    return RetrievalIntents.split(
        new ParseResult("/" + user.intent(), intent, List.of(intent), entities));
  }

  private static String expectedOf(StoryStep.User user) {
    StringBuilder text = new StringBuilder("intent: " + user.intent());
    for (StoryStep.EntityValue entity : user.entities()) {
      text.append(", entity ").append(entity.entity());
      if (entity.value() != null) {
        text.append('=').append(entity.value());
      }
    }
    return text.toString();
  }

  private static String describe(List<Entity> entities) {
    return entities.isEmpty()
        ? "none"
        : String.join(", ", entities.stream().map(e -> e.entity() + "=" + e.value()).toList());
  }
}
