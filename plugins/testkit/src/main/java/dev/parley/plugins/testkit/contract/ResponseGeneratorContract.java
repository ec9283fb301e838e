package dev.parley.plugins.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.response.MemoryEntry;
import dev.parley.plugin.response.ResponseGenerator;
import dev.parley.plugin.response.ResponseGeneratorFactory;
import dev.parley.plugin.response.ResponseRequest;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ResponseGeneratorFactory} and its {@link ResponseGenerator}: every
 * request gets a text or an empty answer (or a {@link PluginException}), and the generator serves
 * concurrent conversations, plus everything in {@link PluginContract}. Point {@link #settings()} at
 * a model that answers the same to the same request, such as {@link
 * dev.parley.plugins.testkit.StubLlmServer}.
 *
 * @param <F> the factory type
 */
public abstract class ResponseGeneratorContract<F extends ResponseGeneratorFactory>
    extends PluginContract<ResponseGenerator, F> {

  /** No training data, in an empty domain. */
  @Override
  protected TrainingData trainingData() {
    return new TrainingDataBuilder().build();
  }

  /** Requests to phrase. */
  protected List<ResponseRequest> requests() {
    return List.of(
        new ResponseRequest(
            "utter_greet",
            "Hello! How can I help?",
            "",
            Map.of(),
            List.of(),
            Optional.empty(),
            "en"),
        new ResponseRequest(
            "utter_ask_size",
            "What size would you like?",
            "You are a friendly pizza shop assistant.",
            Map.of("topping", "ham"),
            List.of(
                new MemoryEntry(MemoryEntry.Role.USER, "I'd like a pizza"),
                new MemoryEntry(MemoryEntry.Role.SLOT, "topping = ham")),
            Optional.of("size"),
            "en"));
  }

  @Override
  final Class<?> extensionPoint() {
    return ResponseGeneratorFactory.class;
  }

  @Override
  final PluginKind kind() {
    return PluginKind.RESPONSE_GENERATOR;
  }

  @Override
  final List<String> observe(ResponseGenerator worker) {
    List<String> answers = new ArrayList<>();
    for (ResponseRequest request : requests()) {
      try {
        Optional<String> text = worker.generate(request);
        assertNotNull(text, "generate() returned null for " + request.responseName());
        answers.add(text.orElse("<template>"));
      } catch (PluginException unusable) {
        answers.add("<failed>");
      }
    }
    return answers;
  }

  @Test
  void answersEveryRequest() {
    observe(readyWorker());
  }

  @Test
  void safeForConcurrentUse() throws Exception {
    assertSafeForConcurrentUse(readyWorker());
  }
}
