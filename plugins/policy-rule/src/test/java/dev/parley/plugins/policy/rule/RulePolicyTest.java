package dev.parley.plugins.policy.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.Rule;
import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.bot.StoryStep.Action;
import dev.parley.plugin.bot.StoryStep.Loop;
import dev.parley.plugin.bot.StoryStep.Slot;
import dev.parley.plugin.bot.StoryStep.User;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugins.testkit.Conversations;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulePolicyTest {

  private static final RulePolicyFactory FACTORY = new RulePolicyFactory();

  private static User user(String intent) {
    return new User(intent, List.of(), null);
  }

  private static Action action(String name) {
    return new Action(name, null);
  }

  private static Rule rule(String name, StoryStep... steps) {
    return new Rule(name, List.of(), false, true, List.of(steps));
  }

  private static TrainingData data() {
    return new TrainingDataBuilder()
        .rule(rule("greet", user("greet"), action("utter_greet")))
        .rule(rule("fallback", user("nlu_fallback"), action("utter_default")))
        .rule(rule("bot", user("bot_challenge"), action("utter_iamabot")))
        .rule(rule("start form", user("order"), action("order_form"), new Loop("order_form")))
        .rule(
            new Rule(
                "submit",
                List.of(new Loop("order_form")),
                false,
                true,
                List.of(
                    action("order_form"),
                    new Loop(null),
                    new Slot("requested_slot", null),
                    action("utter_confirm"))))
        .rule(rule("confirm", action("utter_confirm"), user("affirm"), action("utter_done")))
        .rule(new Rule("welcome", List.of(), true, false, List.of(action("utter_welcome"))))
        .build();
  }

  private static DialoguePolicy trained() {
    RulePolicy policy =
        (RulePolicy)
            FACTORY.create(TestContext.of(FACTORY.configProperties(), Map.of(), data().domain()));
    MemoryStorage storage = new MemoryStorage();
    policy.train(data(), storage);
    RulePolicy loaded =
        (RulePolicy)
            FACTORY.create(TestContext.of(FACTORY.configProperties(), Map.of(), data().domain()));
    loaded.load(storage);
    return loaded;
  }

  private static String next(DialoguePolicy policy, Conversations conversation) {
    return policy.predict(conversation, data().domain()).orElseThrow().action();
  }

  @Test
  void rulesPredictTheirActionsThenListen() {
    DialoguePolicy policy = trained();
    Conversations chat = Conversations.started().user("greet");
    assertEquals("utter_greet", next(policy, chat));
    chat.action("utter_greet");
    assertEquals("action_listen", next(policy, chat));
  }

  @Test
  void multiTurnRulesMatchAcrossTheListen() {
    DialoguePolicy policy = trained();
    Conversations chat =
        Conversations.started().user("x").action("utter_confirm").action("action_listen");
    chat.user("affirm");
    assertEquals("utter_done", next(policy, chat));
  }

  @Test
  void conversationStartRulesOnlyAtTheStart() {
    DialoguePolicy policy = trained();
    assertEquals("utter_welcome", next(policy, Conversations.started()));
    Conversations later = Conversations.started().user("greet").action("utter_greet");
    later.action("action_listen");
    assertEquals("action_listen", next(policy, later));
  }

  @Test
  void formsRunAsLoopsAndInterruptionsAreHandled() {
    DialoguePolicy policy = trained();
    Conversations chat = Conversations.started().user("order");
    assertEquals("order_form", next(policy, chat));
    chat.action("order_form").loop("order_form").slot("requested_slot", "size");
    assertEquals("action_listen", next(policy, chat));
    chat.action("action_listen").user("inform", "size", "large");
    assertEquals("order_form", next(policy, chat), "the active loop runs first");
    chat.action("order_form");
    chat.action("action_listen").user("bot_challenge");
    assertEquals("order_form", next(policy, chat));
    chat.event(ActionExecutionRejected.of("order_form", "RulePolicy", 1.0));
    assertEquals("utter_iamabot", next(policy, chat), "rules handle the interruption");
    chat.action("utter_iamabot");
    assertEquals("order_form", next(policy, chat), "then the form asks again");
    chat.action("order_form").slot("requested_slot", null).loop(null);
    assertEquals("utter_confirm", next(policy, chat), "the submit rule's condition held at start");
  }

  @Test
  void unknownSituationsGetTheCoreFallbackWithLowConfidence() {
    DialoguePolicy policy = trained();
    var prediction =
        policy.predict(Conversations.started().user("weather"), data().domain()).orElseThrow();
    assertEquals("action_default_fallback", prediction.action());
    assertEquals(0.3, prediction.confidence());
  }

  @Test
  void contradictingRulesStopTraining() {
    TrainingData contradicting =
        new TrainingDataBuilder()
            .rule(rule("a", user("greet"), action("utter_greet")))
            .rule(rule("b", user("greet"), action("utter_hello")))
            .build();
    RulePolicy policy =
        (RulePolicy)
            FACTORY.create(
                TestContext.of(FACTORY.configProperties(), Map.of(), contradicting.domain()));
    PluginException error =
        assertThrows(PluginException.class, () -> policy.train(contradicting, new MemoryStorage()));
    assertTrue(error.getMessage().contains("'a'") && error.getMessage().contains("'b'"));
  }
}
