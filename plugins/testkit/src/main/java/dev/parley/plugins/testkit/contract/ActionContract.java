package dev.parley.plugins.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.action.ActionFactory;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugins.testkit.Conversations;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link ActionFactory} and its {@link Action}: running it either returns a
 * result or rejects the action with a {@link PluginException}, plus everything in {@link
 * PluginContract}. Override {@link #conversations()} with the situations your action runs in.
 *
 * @param <F> the factory type
 */
public abstract class ActionContract<F extends ActionFactory> extends PluginContract<Action, F> {

  /** No training data, in an empty domain. */
  @Override
  protected TrainingData trainingData() {
    return new TrainingDataBuilder().build();
  }

  /** Conversations in which the action runs. */
  protected List<ConversationView> conversations() {
    return List.of(Conversations.started().user("greet"));
  }

  @Override
  final Class<?> extensionPoint() {
    return ActionFactory.class;
  }

  @Override
  final PluginKind kind() {
    return PluginKind.ACTION;
  }

  @Override
  final List<String> observe(Action worker) {
    List<String> answers = new ArrayList<>();
    for (ConversationView conversation : conversations()) {
      try {
        ActionResult result = worker.run(conversation, domain());
        assertNotNull(result, "run() returned null");
        StringBuilder answer = new StringBuilder();
        for (BotResponse response : result.responses()) {
          answer.append(response).append(' ');
        }
        for (Event event : result.events()) {
          answer.append(event.type()).append(' ');
        }
        answers.add(answer.toString());
      } catch (PluginException rejected) {
        answers.add("rejected");
      }
    }
    return answers;
  }

  @Test
  void runsOrRejects() {
    observe(readyWorker());
  }
}
