package dev.parley.core.replychecks;

import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugin.response.ReplyCheck;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generated text must not contain a sensitive slot value or a sentence of the bot's
 * instructions (a prompt leak).
 */
public final class NoLeakCheck implements ReplyCheck {

  /** The check's name in metrics and event metadata. */
  public static final String NAME = "no_leak";

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？\\n]+");
  private static final int MIN_SENTENCE_CHARS = 20;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> reject(ReplyCandidate candidate) {
    String generated = candidate.generatedText().toLowerCase(Locale.ROOT);
    for (String value : candidate.protectedValues()) {
      if (!value.isBlank() && generated.contains(value.toLowerCase(Locale.ROOT))) {
        return Optional.of("the reply contains a sensitive slot value");
      }
    }
    for (String sentence : SENTENCE_END.split(candidate.instructions())) {
      String trimmed = sentence.strip().toLowerCase(Locale.ROOT);
      if (trimmed.length() >= MIN_SENTENCE_CHARS && generated.contains(trimmed)) {
        return Optional.of("the reply repeats the bot's instructions");
      }
    }
    return Optional.empty();
  }
}
