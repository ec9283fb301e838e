package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.RetrievalIntents;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.bot.ResponseVariation;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SessionStarted;
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
 * Core actions, responses and forms run as they would live; custom actions are not called (their
 * effects come from the story's {@code slot_was_set} and {@code active_loop} steps).
 */
public final class StoryTester {

  private static final int MAX_REJECTIONS = 10;
  private static final String TEST_CHANNEL = "test";

  private StoryTester() {}

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
    List<StoryTestReport.Failure> failures = new ArrayList<>();
    int index = 0;
    for (Story story : stories) {
      firstDifference(model, story, index++, remote, nlu).ifPresent(failures::add);
    }
    return new StoryTestReport(stories.size(), stories.size() - failures.size(), failures);
  }

  private static Optional<StoryTestReport.Failure> firstDifference(
      BotModel model,
      Story story,
      int index,
      RemoteActions remote,
      Function<Message, ParseResult> nlu) {
    Tracker tracker =
        Tracker.fromStored(
            new ConversationKey(model.tenant(), model.bot(), "story-test-" + index),
            model.domain().slots(),
            List.of());
    tracker.append(ActionExecuted.of(CoreActionNames.SESSION_START, null, null));
    tracker.append(SessionStarted.now());
    tracker.append(ActionExecuted.of(CoreActionNames.LISTEN, null, null));
    boolean userSpoke = false;
    int position = 0;
    for (StoryStep step : story.steps()) {
      position++;
      Optional<String> difference = Optional.empty();
      if (!userSpoke && step instanceof StoryStep.Action context && context.name() != null) {
        applyAsContext(tracker, model, context.name());
        continue;
      }
      if (step instanceof StoryStep.User user) {
        if (userSpoke) {
          difference = expectAction(tracker, model, CoreActionNames.LISTEN, null);
          if (difference.isPresent()) {
            return Optional.of(failure(story, position, expectedOf(user), difference.get()));
          }
        }
        userSpoke = true;
        difference = hear(tracker, model, user, remote, nlu);
        if (difference.isPresent()) {
          return Optional.of(failure(story, position, expectedOf(user), difference.get()));
        }
      } else if (step instanceof StoryStep.Action action) {
        difference = expectAction(tracker, model, action.name(), action.botText());
        if (difference.isPresent()) {
          String expected =
              action.name() != null ? "action: " + action.name() : "bot: " + action.botText();
          return Optional.of(failure(story, position, expected, difference.get()));
        }
      } else if (step instanceof StoryStep.Slot slot) {
        if (!Objects.equals(tracker.slots().get(slot.name()), slot.value())) {
          tracker.append(SlotSet.of(slot.name(), slot.value()));
        }
      } else if (step instanceof StoryStep.Loop loop) {
        if (!Objects.equals(tracker.activeLoop().orElse(null), loop.name())) {
          tracker.append(ActiveLoop.of(loop.name()));
        }
      }
    }
    return Optional.empty();
  }

  /** An action before the story's first user message: the story starts mid-conversation. */
  private static void applyAsContext(Tracker tracker, BotModel model, String action) {
    tracker.append(ActionExecuted.of(action, null, null));
    if (runsInCore(action, model) && !action.equals(CoreActionNames.LISTEN)) {
      ActionRunner.run(action, tracker, model)
          .ifPresent(result -> tracker.appendAll(result.events()));
    }
  }

  private static StoryTestReport.Failure failure(
      Story story, int position, String expected, String predicted) {
    return new StoryTestReport.Failure(story.name(), position, expected, predicted);
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

  /** Adds the user's message; a difference if the NLU understood something else. */
  private static Optional<String> hear(
      Tracker tracker,
      BotModel model,
      StoryStep.User user,
      RemoteActions remote,
      Function<Message, ParseResult> nlu) {
    ParseResult parse;
    if (user.text() != null && !user.text().isBlank()) {
      String text = user.text().strip();
      parse =
          PayloadParser.parse(text, model.domain())
              .orElseGet(() -> nlu.apply(new Message(text, model.config().language(), Map.of())));
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
                                || expected.value().equals(String.valueOf(entity.value()))));
        if (!found) {
          return Optional.of("entities: " + describe(parse.entities()));
        }
      }
    } else {
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
      parse =
          RetrievalIntents.split(
              new ParseResult("/" + user.intent(), intent, List.of(intent), entities));
    }
    tracker.append(new UserUttered(parse.text(), parse, TEST_CHANNEL, null, Event.now(), Map.of()));
    List<SlotSet> extracted = SlotFiller.extract(tracker, model.domain());
    Optional<ActionOutcome> validation =
        tracker
            .activeLoop()
            .flatMap(form -> FormValidation.validate(form, extracted, tracker, model, remote));
    tracker.appendAll(extracted);
    validation
        .flatMap(ActionOutcome::applicable)
        .ifPresent(result -> tracker.appendAll(result.events()));
    return Optional.empty();
  }

  private static String describe(List<Entity> entities) {
    return entities.isEmpty()
        ? "none"
        : String.join(", ", entities.stream().map(e -> e.entity() + "=" + e.value()).toList());
  }

  /**
   * Predicts the next action (running it if the core can, so that rejected forms give way as they
   * do live); a difference if it is not the expected one.
   */
  private static Optional<String> expectAction(
      Tracker tracker, BotModel model, String expectedName, String expectedBotText) {
    for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
      PolicyEnsemble.Choice choice =
          tracker
              .followupAction()
              .map(name -> new PolicyEnsemble.Choice(name, "followup", 1.0))
              .orElseGet(() -> PolicyEnsemble.predict(tracker, model));
      String predicted = choice.action();
      boolean matches =
          expectedName != null
              ? predicted.equals(expectedName)
              : saysText(model, predicted, expectedBotText);
      if (!runsInCore(predicted, model)) {
        if (!matches) {
          return Optional.of(describeAction(predicted));
        }
        tracker.append(ActionExecuted.of(predicted, choice.policy(), choice.confidence()));
        return Optional.empty();
      }
      if (predicted.equals(CoreActionNames.LISTEN)) {
        if (!matches) {
          return Optional.of(describeAction(predicted));
        }
        tracker.append(ActionExecuted.of(predicted, choice.policy(), choice.confidence()));
        return Optional.empty();
      }
      Optional<ActionResult> result = ActionRunner.run(predicted, tracker, model);
      if (result.isEmpty()) {
        tracker.append(ActionExecutionRejected.of(predicted, choice.policy(), choice.confidence()));
        continue;
      }
      if (!matches) {
        return Optional.of(describeAction(predicted));
      }
      tracker.append(ActionExecuted.of(predicted, choice.policy(), choice.confidence()));
      tracker.appendAll(result.get().events());
      return Optional.empty();
    }
    return Optional.of("no action: every prediction was rejected");
  }

  private static String describeAction(String name) {
    return "action: " + name;
  }

  private static boolean runsInCore(String action, BotModel model) {
    return action.startsWith("utter_")
        || model.domain().form(action).isPresent()
        || action.startsWith("action_") && !model.domain().actions().contains(action);
  }

  private static boolean saysText(BotModel model, String action, String text) {
    if (text == null) {
      return false;
    }
    List<ResponseVariation> variations = model.domain().responses().get(action);
    return variations != null
        && variations.stream()
            .anyMatch(v -> v.text() != null && v.text().strip().equals(text.strip()));
  }
}
