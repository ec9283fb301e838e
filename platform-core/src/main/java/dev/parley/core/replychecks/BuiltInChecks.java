package dev.parley.core.replychecks;

import dev.parley.plugin.response.ReplyCheck;
import java.util.List;

/** The checks every generated reply passes before a bot's own ones. */
public final class BuiltInChecks {

  private BuiltInChecks() {}

  /** No leak (the gravest), length, slot question, no early goodbye, in that order. */
  public static List<ReplyCheck> forMaxChars(int maxReplyChars) {
    return List.of(
        new NoLeakCheck(),
        new LengthCheck(maxReplyChars),
        new AsksRequestedSlotCheck(),
        new NoClosingCheck());
  }

  /** Whether the template itself ends the conversation (then a goodbye is allowed). */
  public static boolean closes(String templateText) {
    return TextSignals.closes(templateText);
  }
}
