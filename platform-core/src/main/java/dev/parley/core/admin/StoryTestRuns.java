package dev.parley.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.json.Json;
import dev.parley.core.nlu.NluService;
import dev.parley.core.turn.DialogueLoop;
import dev.parley.core.turn.RemoteActions;
import dev.parley.core.turn.StoryTestReport;
import dev.parley.core.turn.StoryTester;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs test stories against a bot's active version and keeps, for each story, its steps and, when
 * it fails, the failing step and the conversation as the bot saw it up to there, so the console can
 * show a failure in its context.
 */
@ApplicationScoped
public class StoryTestRuns {

  private BotCatalog catalog;
  private RemoteActions remote;
  private NluService nlu;

  /** For CDI proxies. */
  protected StoryTestRuns() {}

  /**
   * Uses the active bots, their action servers (for form validation) and the guarded NLU (re-check
   * stages under their deadline and circuit breaker, as live).
   */
  @Inject
  public StoryTestRuns(BotCatalog catalog, RemoteActions remote, NluService nlu) {
    this.catalog = catalog;
    this.remote = remote;
    this.nlu = nlu;
  }

  /**
   * One story's outcome.
   *
   * @param story the story's name
   * @param passed whether every step matched
   * @param steps the story's steps as written, e.g. {@code intent: greet} or {@code action:
   *     utter_greet}
   * @param failure the first step that differed, if any (its {@code step} counts from 1)
   * @param conversation the events of the replay up to the failure (empty when it passed)
   */
  public record StoryOutcome(
      String story,
      boolean passed,
      List<String> steps,
      Optional<StoryTestReport.Failure> failure,
      List<JsonNode> conversation) {}

  /**
   * The outcome of a test run: the counts and first differences (as {@link StoryTestReport}) and
   * every story in detail.
   */
  public record StoryTestDetails(
      int total, int passed, List<StoryTestReport.Failure> failed, List<StoryOutcome> stories) {}

  /**
   * Runs the stories of a {@code test_stories.yml} text against the bot's active version.
   *
   * @throws dev.parley.core.bot.definition.BotDefinitionException when the stories do not parse
   */
  public StoryTestDetails run(String tenant, String bot, String yaml) {
    BotModel model =
        catalog
            .find(tenant, bot)
            .map(LoadedBot::model)
            .orElseThrow(() -> AdminException.notFound("bot"));
    List<Story> stories =
        new BotProjectParser().parseTestStories("test_stories.yml", yaml, model.domain());
    StoryTester tester =
        new StoryTester(
            DialogueLoop.replaying(remote), message -> nlu.parseUncached(model, message));
    List<StoryOutcome> outcomes = new ArrayList<>();
    List<StoryTestReport.Failure> failures = new ArrayList<>();
    for (int i = 0; i < stories.size(); i++) {
      Story story = stories.get(i);
      StoryTester.StoryReplay replay = tester.replay(model, story, i);
      replay.failure().ifPresent(failures::add);
      outcomes.add(
          new StoryOutcome(
              story.name(),
              replay.failure().isEmpty(),
              story.steps().stream().map(StoryTestRuns::describe).toList(),
              replay.failure(),
              replay.failure().isPresent() ? Json.eventTrees(replay.events()) : List.of()));
    }
    return new StoryTestDetails(
        stories.size(), stories.size() - failures.size(), failures, outcomes);
  }

  /** A step as the story file says it. */
  static String describe(StoryStep step) {
    if (step instanceof StoryStep.User user) {
      return describeUser(user);
    }
    if (step instanceof StoryStep.Action action) {
      return action.name() != null ? "action: " + action.name() : "bot: " + action.botText();
    }
    if (step instanceof StoryStep.Slot slot) {
      return "slot_was_set: " + slot.name() + " = " + slot.value();
    }
    StoryStep.Loop loop = (StoryStep.Loop) step;
    return "active_loop: " + (loop.name() == null ? "null" : loop.name());
  }

  private static String describeUser(StoryStep.User user) {
    StringBuilder text = new StringBuilder();
    if (user.text() != null && !user.text().isBlank()) {
      text.append("user: ").append(user.text().strip());
    }
    if (user.intent() != null) {
      text.append(text.isEmpty() ? "" : " — ").append("intent: ").append(user.intent());
    }
    for (StoryStep.EntityValue entity : user.entities()) {
      text.append(", entity ").append(entity.entity());
      if (entity.value() != null) {
        text.append('=').append(entity.value());
      }
    }
    return text.toString();
  }
}
