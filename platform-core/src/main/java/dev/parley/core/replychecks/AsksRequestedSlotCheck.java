package dev.parley.core.replychecks;

import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugin.response.ReplyCheck;
import java.util.Optional;
import java.util.Set;

/**
 * When the policy asks for a slot (a form's {@code utter_ask_<slot>}), the generated text must
 * still ask: it must be a question and share a meaningful word with the template's question or name
 * the slot.
 */
public final class AsksRequestedSlotCheck implements ReplyCheck {

  /** The check's name in metrics and event metadata. */
  public static final String NAME = "asks_requested_slot";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> reject(ReplyCandidate candidate) {
    if (candidate.requestedSlot().isEmpty()) {
      return Optional.empty();
    }
    String slot = candidate.requestedSlot().get();
    String generated = candidate.generatedText();
    if (TextSignals.asks(candidate.templateText()) && !TextSignals.asks(generated)) {
      return Optional.of("the reply no longer asks for '" + slot + "'");
    }
    Set<String> keywords = TextSignals.keywords(candidate.templateText());
    keywords.addAll(TextSignals.keywords(slot.replace('_', ' ')));
    if (!keywords.isEmpty() && !TextSignals.mentionsAny(generated, keywords)) {
      return Optional.of("the reply asks something other than '" + slot + "'");
    }
    return Optional.empty();
  }
}
