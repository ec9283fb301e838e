package dev.parley.plugins.policy.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.bot.Rule;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep.Action;
import dev.parley.plugin.bot.StoryStep.Loop;
import dev.parley.plugin.bot.StoryStep.Slot;
import dev.parley.plugin.bot.StoryStep.User;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.FollowupAction;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.PolicyPrediction;
import dev.parley.plugins.testkit.Conversations;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loop rejection as Rasa's RulePolicy handles it ({@code is_active_loop_rejected} persists until
 * the loop runs again). Each case mirrors one of Rasa's {@code tests/core/policies/
 * test_rule_policy.py} loop cases, named after it; the conversations are the same events.
 */
class RulePolicyLoopRejectionTest {

  private static final RulePolicyFactory FACTORY = new RulePolicyFactory();
  private static final String FORM = "some_form";
  private static final String HANDLE = "utter_handle_rejection";
  private static final double THRESHOLD = 0.3;

  private static User user(String intent) {
    return new User(intent, List.of(), null);
  }

  private static Action action(String name) {
    return new Action(name, null);
  }

  /** Rasa's GREET_RULE: greet is an FAQ, answered in any context, then the bot listens. */
  private static Rule greetRule() {
    return new Rule(
        "greet rule", List.of(), false, true, List.of(user("greet"), action("utter_greet")));
  }

  private static DialoguePolicy trained(TrainingDataBuilder data) {
    TrainingData built = data.build();
    RulePolicy policy =
        (RulePolicy)
            FACTORY.create(TestContext.of(FACTORY.configProperties(), Map.of(), built.domain()));
    MemoryStorage storage = new MemoryStorage();
    policy.train(built, storage);
    RulePolicy loaded =
        (RulePolicy)
            FACTORY.create(TestContext.of(FACTORY.configProperties(), Map.of(), built.domain()));
    loaded.load(storage);
    return loaded;
  }

  private static PolicyPrediction predict(DialoguePolicy policy, Conversations chat) {
    return policy.predict(chat, TrainingDataBuilder.emptyDomain()).orElseThrow();
  }

  /** Rasa's conversation: the form is active and asked, the user said greet, the form rejected. */
  private static Conversations rejectedAfter(String intent) {
    return Conversations.started()
        .action(FORM)
        .loop(FORM)
        .slot("requested_slot", "some value")
        .action("action_listen")
        .user(intent)
        .event(ActionExecutionRejected.of(FORM, "RulePolicy", 1.0));
  }

  private static void assertNothingPredicted(PolicyPrediction prediction) {
    assertEquals(THRESHOLD, prediction.confidence(), "only the core fallback: " + prediction);
  }

  @Test
  void rejectionPersistsUntilTheLoopRunsAgain() {
    Conversations chat = rejectedAfter("greet");
    assertTrue(chat.activeLoopRejected());
    chat.action("utter_greet");
    assertTrue(chat.activeLoopRejected(), "another action leaves the loop rejected");
    chat.action("action_listen").user("affirm");
    assertTrue(chat.activeLoopRejected(), "so does the next user message");
    chat.event(ActionExecutionRejected.of("utter_other", null, null));
    assertTrue(chat.activeLoopRejected(), "another action's rejection changes nothing");
    chat.action(FORM);
    assertFalse(chat.activeLoopRejected(), "the loop ran again");
    chat.event(ActionExecutionRejected.of(FORM, null, null)).loop("other_form");
    assertFalse(chat.activeLoopRejected(), "a new loop starts unrejected");
  }

  @Test
  void formUnhappyPathFromGeneralRule() {
    DialoguePolicy policy = trained(new TrainingDataBuilder().rule(greetRule()));
    Conversations chat = rejectedAfter("greet");
    assertEquals("utter_greet", predict(policy, chat).action(), "the general rule handles it");
    chat.action("utter_greet");
    assertEquals(FORM, predict(policy, chat).action(), "its action_listen becomes the form");
  }

  @Test
  void formUnhappyPathFromInFormRule() {
    Rule unhappy =
        new Rule(
            "handle rejection",
            List.of(new Loop(FORM)),
            false,
            true,
            List.of(user("greet"), action(HANDLE), action(FORM)));
    DialoguePolicy policy = trained(new TrainingDataBuilder().rule(greetRule()).rule(unhappy));
    Conversations chat = rejectedAfter("greet");
    assertEquals(HANDLE, predict(policy, chat).action(), "the in-form rule beats the FAQ");
    chat.action(HANDLE);
    assertEquals(FORM, predict(policy, chat).action());
  }

  @Test
  void formUnhappyPathFromStory() {
    Story story =
        new Story(
            "unhappy story",
            List.of(
                action(FORM),
                new Loop(FORM),
                user("greet"),
                action("utter_greet"),
                action(HANDLE),
                action(FORM)));
    DialoguePolicy policy = trained(new TrainingDataBuilder().rule(greetRule()).story(story));
    Conversations chat = rejectedAfter("greet");
    assertEquals("utter_greet", predict(policy, chat).action());
    Conversations afterGreet = rejectedAfter("greet").action("utter_greet");
    assertNothingPredicted(predict(policy, afterGreet));
    chat.action(HANDLE);
    assertNothingPredicted(predict(policy, chat));
  }

  @Test
  void formUnhappyPathNoValidationFromRule() {
    Rule unhappy =
        new Rule(
            "handle rejection, then the answer",
            List.of(new Loop(FORM)),
            false,
            true,
            List.of(user("greet"), action(HANDLE), user("greet"), action(FORM)));
    DialoguePolicy policy = trained(new TrainingDataBuilder().rule(greetRule()).rule(unhappy));
    Conversations chat = rejectedAfter("greet");
    assertEquals(HANDLE, predict(policy, chat).action());
    chat.action(HANDLE);
    assertEquals("action_listen", predict(policy, chat).action());
    chat.action("action_listen").user("greet");
    assertTrue(chat.activeLoopRejected(), "the loop has not run since it rejected");
    assertEquals(FORM, predict(policy, chat).action(), "the rule brings the form back");
  }

  @Test
  void formUnhappyPathNoValidationFromStory() {
    Story story =
        new Story(
            "unhappy story",
            List.of(
                action(FORM),
                new Loop(FORM),
                user("greet"),
                action(HANDLE),
                user("greet"),
                action(FORM)));
    DialoguePolicy policy = trained(new TrainingDataBuilder().story(story));
    Conversations chat =
        rejectedAfter("greet").action(HANDLE).action("action_listen").user("greet");
    assertNothingPredicted(predict(policy, chat));
  }

  @Test
  void formUnhappyPathWithoutRule() {
    DialoguePolicy policy = trained(new TrainingDataBuilder().rule(greetRule()));
    assertNothingPredicted(predict(policy, rejectedAfter("bye")));
  }

  /**
   * Rasa's formbot: the user says stop, the form rejects, a story asks whether to continue. The
   * loop is still rejected after {@code utter_ask_continue}, so the RulePolicy leaves the next
   * action (listening) and the one after the answer to the stories.
   */
  @Test
  void formbotStopThenContinueIsLeftToTheStories() {
    Story story =
        new Story(
            "stop form + continue",
            List.of(
                user("request_restaurant"),
                action(FORM),
                new Loop(FORM),
                user("stop"),
                action("utter_ask_continue"),
                user("affirm"),
                action(FORM),
                new Loop(null),
                action("utter_submit")));
    DialoguePolicy policy = trained(new TrainingDataBuilder().story(story).rule(greetRule()));
    Conversations chat = rejectedAfter("stop");
    assertNothingPredicted(predict(policy, chat));
    chat.action("utter_ask_continue");
    PolicyPrediction afterQuestion = predict(policy, chat);
    assertEquals("action_listen", afterQuestion.action());
    assertNothingPredicted(afterQuestion);
    chat.action("action_listen").user("affirm");
    assertNothingPredicted(predict(policy, chat));
    chat.action(FORM);
    assertEquals("action_listen", predict(policy, chat).action(), "the happy path again");
    assertEquals(1.0, predict(policy, chat).confidence());
  }

  @Test
  void happyPathRunsTheLoopThenListens() {
    DialoguePolicy policy = trained(new TrainingDataBuilder().rule(greetRule()));
    Conversations chat =
        Conversations.started().action(FORM).loop(FORM).action("action_listen").user("inform");
    assertEquals(FORM, predict(policy, chat).action());
    chat.action(FORM);
    assertEquals("action_listen", predict(policy, chat).action());
  }

  @Test
  void aQuestionTheFormAskedForWithAFollowUpCountsAsTheForm() {
    DialoguePolicy policy = trained(new TrainingDataBuilder().rule(greetRule()));
    Conversations chat =
        Conversations.started()
            .action(FORM)
            .loop(FORM)
            .event(FollowupAction.of("action_ask_size"))
            .action("action_ask_size");
    assertEquals("action_listen", predict(policy, chat).action());
  }

  @Test
  void formActivationAndSubmitRules() {
    Rule activation =
        new Rule(
            "activate", List.of(), false, true, List.of(user("bye"), action(FORM), new Loop(FORM)));
    Rule submit =
        new Rule(
            "submit",
            List.of(new Loop(FORM)),
            false,
            true,
            List.of(
                action(FORM),
                new Loop(null),
                new Slot("requested_slot", null),
                action("utter_submit")));
    DialoguePolicy policy =
        trained(new TrainingDataBuilder().rule(greetRule()).rule(activation).rule(submit));
    assertEquals(FORM, predict(policy, Conversations.started().user("bye")).action());
    assertNothingPredicted(
        trained(new TrainingDataBuilder().rule(greetRule()))
            .predict(Conversations.started().user("bye"), TrainingDataBuilder.emptyDomain())
            .orElseThrow());
    Conversations done =
        Conversations.started()
            .user("greet")
            .action(FORM)
            .loop(FORM)
            .slot("requested_slot", "some value")
            .action("action_listen")
            .user("greet")
            .action(FORM)
            .loop(null)
            .slot("requested_slot", null);
    assertEquals("utter_submit", predict(policy, done).action());
  }
}
