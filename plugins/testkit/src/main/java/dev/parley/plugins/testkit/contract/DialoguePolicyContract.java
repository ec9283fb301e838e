package dev.parley.plugins.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parley.plugin.PluginKind;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.ResponseVariation;
import dev.parley.plugin.bot.Rule;
import dev.parley.plugin.bot.SessionConfig;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.DialoguePolicyFactory;
import dev.parley.plugin.policy.PolicyPrediction;
import dev.parley.plugins.testkit.Conversations;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DialoguePolicyFactory} and its {@link DialoguePolicy}: a prediction,
 * when there is one, names an action and has a confidence between 0 and 1, plus everything in
 * {@link PluginContract}. The default training data is a greet/goodbye bot with one rule and one
 * story.
 *
 * @param <F> the factory type
 */
public abstract class DialoguePolicyContract<F extends DialoguePolicyFactory>
    extends PluginContract<DialoguePolicy, F> {

  /** A greet/goodbye bot: a rule answers greet, a story answers goodbye. */
  @Override
  protected TrainingData trainingData() {
    Domain domain =
        new Domain(
            List.of("greet", "goodbye"),
            Map.of(),
            Map.of(),
            Map.of("utter_greet", List.of(text("Hello!")), "utter_goodbye", List.of(text("Bye!"))),
            List.of(),
            Map.of(),
            new SessionConfig(60, true));
    return new TrainingDataBuilder()
        .domain(domain)
        .rule(
            new Rule(
                "greet back",
                List.of(),
                false,
                true,
                List.of(user("greet"), new StoryStep.Action("utter_greet", null))))
        .story(
            new Story(
                "say goodbye",
                List.of(
                    user("greet"),
                    new StoryStep.Action("utter_greet", null),
                    user("goodbye"),
                    new StoryStep.Action("utter_goodbye", null))))
        .build();
  }

  /** Conversations to predict the next action of. */
  protected List<ConversationView> conversations() {
    return List.of(
        Conversations.started(),
        Conversations.started().user("greet"),
        Conversations.started().user("greet").action("utter_greet").action("action_listen"),
        Conversations.started()
            .user("greet")
            .action("utter_greet")
            .action("action_listen")
            .user("goodbye"),
        Conversations.started().user("unknown_intent"));
  }

  @Override
  final Class<?> extensionPoint() {
    return DialoguePolicyFactory.class;
  }

  @Override
  final PluginKind kind() {
    return PluginKind.DIALOGUE_POLICY;
  }

  @Override
  final List<String> observe(DialoguePolicy worker) {
    List<String> answers = new ArrayList<>();
    for (ConversationView conversation : conversations()) {
      answers.add(
          predict(worker, conversation)
              .map(p -> p.action() + "=" + confidence(p.confidence()))
              .orElse("-"));
    }
    return answers;
  }

  private Optional<PolicyPrediction> predict(DialoguePolicy worker, ConversationView conversation) {
    Optional<PolicyPrediction> prediction = worker.predict(conversation, domain());
    assertNotNull(prediction, "predict() returned null");
    return prediction;
  }

  @Test
  void predictionsNameAnActionWithAConfidence() {
    for (ConversationView conversation : conversations()) {
      predict(readyWorker(), conversation)
          .ifPresent(
              prediction -> {
                assertNotNull(prediction.action(), "a prediction without an action");
                assertFalse(prediction.action().isBlank(), "a prediction with a blank action");
                assertConfidence(prediction.confidence(), prediction.action());
              });
    }
  }

  private static StoryStep user(String intent) {
    return new StoryStep.User(intent, List.of(), null);
  }

  private static ResponseVariation text(String text) {
    return new ResponseVariation(text, null, null, null, null, null, null);
  }
}
