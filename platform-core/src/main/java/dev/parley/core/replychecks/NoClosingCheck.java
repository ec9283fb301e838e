package dev.parley.core.replychecks;

import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugin.response.ReplyCheck;
import java.util.Optional;

/**
 * Unless the template itself ends the conversation, the generated text must not say goodbye or
 * claim that something is finished.
 */
public final class NoClosingCheck implements ReplyCheck {

  /** The check's name in metrics and event metadata. */
  public static final String NAME = "no_goodbye";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> reject(ReplyCandidate candidate) {
    if (candidate.closesConversation() || !TextSignals.closes(candidate.generatedText())) {
      return Optional.empty();
    }
    return Optional.of("the reply ends the conversation, which the policy did not");
  }
}
