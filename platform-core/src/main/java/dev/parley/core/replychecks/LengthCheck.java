package dev.parley.core.replychecks;

import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugin.response.ReplyCheck;
import java.util.Optional;

/** The generated text must not be longer than the bot allows. */
public final class LengthCheck implements ReplyCheck {

  /** The check's name in metrics and event metadata. */
  public static final String NAME = "length";

  private final int maxChars;

  /** Accepts replies of at most {@code maxChars} characters. */
  public LengthCheck(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> reject(ReplyCandidate candidate) {
    int length = candidate.generatedText().codePointCount(0, candidate.generatedText().length());
    return length > maxChars
        ? Optional.of("the reply has " + length + " characters; at most " + maxChars + " allowed")
        : Optional.empty();
  }
}
