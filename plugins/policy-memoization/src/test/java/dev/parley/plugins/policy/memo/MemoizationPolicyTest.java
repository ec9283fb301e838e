package dev.parley.plugins.policy.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.bot.StoryStep.Action;
import dev.parley.plugin.bot.StoryStep.User;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.DialoguePolicyFactory;
import dev.parley.plugins.testkit.Conversations;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoizationPolicyTest {

  private static User user(String intent) {
    return new User(intent, List.of(), null);
  }

  private static Action action(String name) {
    return new Action(name, null);
  }

  private static TrainingData data() {
    List<StoryStep> steps =
        List.of(
            user("greet"),
            action("utter_greet"),
            user("mood_sad"),
            action("utter_cheer_up"),
            action("utter_did_that_help"));
    return new TrainingDataBuilder().story(new Story("sad", steps)).build();
  }

  private static DialoguePolicy policy(DialoguePolicyFactory factory, long maxHistory) {
    MemoryStorage storage = new MemoryStorage();
    var context =
        TestContext.of(
            factory.configProperties(), Map.of("max_history", maxHistory), data().domain());
    ((MemoizationPolicy) factory.create(context)).train(data(), storage);
    MemoizationPolicy loaded = (MemoizationPolicy) factory.create(context);
    loaded.load(storage);
    return loaded;
  }

  private static Optional<String> next(DialoguePolicy policy, Conversations chat) {
    return policy.predict(chat, data().domain()).map(p -> p.action());
  }

  @Test
  void recallsTheStoryStepByStep() {
    DialoguePolicy policy = policy(new MemoizationPolicyFactory(), 5);
    Conversations chat = Conversations.started().user("greet");
    assertEquals(Optional.of("utter_greet"), next(policy, chat));
    chat.action("utter_greet");
    assertEquals(Optional.of("action_listen"), next(policy, chat));
    chat.action("action_listen").user("mood_sad");
    assertEquals(Optional.of("utter_cheer_up"), next(policy, chat));
    chat.action("utter_cheer_up");
    assertEquals(Optional.of("utter_did_that_help"), next(policy, chat));
  }

  @Test
  void aDifferentHistoryIsNotRecalledButTheAugmentedPolicyRecallsTheRecentPart() {
    Conversations chat =
        Conversations.started().user("hello_other").action("utter_other").action("action_listen");
    chat.user("mood_sad");
    assertTrue(next(policy(new MemoizationPolicyFactory(), 5), chat).isEmpty());
    assertEquals(
        Optional.of("utter_cheer_up"),
        next(policy(new AugmentedMemoizationPolicyFactory(), 5), chat));
  }
}
