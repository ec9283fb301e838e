package dev.parley.plugins.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parley.plugin.PluginKind;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugin.response.ReplyCheck;
import dev.parley.plugin.response.ReplyCheckFactory;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ReplyCheckFactory} and its {@link ReplyCheck}: a stable, non-blank name
 * and a verdict for every candidate, whose reason (when it objects) is not blank, plus everything
 * in {@link PluginContract}. Override {@link #candidates()} with replies your check passes and
 * rejects.
 *
 * @param <F> the factory type
 */
public abstract class ReplyCheckContract<F extends ReplyCheckFactory>
    extends PluginContract<ReplyCheck, F> {

  /** No training data, in an empty domain. */
  @Override
  protected TrainingData trainingData() {
    return new TrainingDataBuilder().build();
  }

  /** Generated replies to judge. */
  protected List<ReplyCandidate> candidates() {
    return List.of(
        candidate("Hi there! What can I do for you?", "Hello! How can I help?"),
        candidate("Goodbye, have a nice day!", "What size would you like?"),
        candidate("", "What size would you like?"));
  }

  /** A candidate for a response with no requested slot or protected values. */
  protected static ReplyCandidate candidate(String generated, String template) {
    return new ReplyCandidate(
        generated, template, "utter_contract", Optional.empty(), false, List.of(), "", "en");
  }

  @Override
  final Class<?> extensionPoint() {
    return ReplyCheckFactory.class;
  }

  @Override
  final PluginKind kind() {
    return PluginKind.REPLY_CHECK;
  }

  @Override
  final List<String> observe(ReplyCheck worker) {
    List<String> answers = new ArrayList<>();
    for (ReplyCandidate candidate : candidates()) {
      Optional<String> reason = worker.reject(candidate);
      assertNotNull(reason, "reject() returned null for '" + candidate.generatedText() + "'");
      answers.add(reason.orElse("<pass>"));
    }
    return answers;
  }

  @Test
  void nameIsStableAndNotBlank() {
    ReplyCheck check = readyWorker();
    assertNotNull(check.name(), "name()");
    assertFalse(check.name().isBlank(), "name() is blank");
    assertEquals(check.name(), check.name(), "name() changed between calls");
  }

  @Test
  void objectionsGiveAReason() {
    for (String verdict : observe(readyWorker())) {
      assertFalse(verdict.isBlank(), "an objection without a reason");
    }
  }
}
