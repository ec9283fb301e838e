package dev.parley.plugin.response;

import java.util.Optional;

/**
 * One arbitration rule for generated replies. The core runs the bot's checks in order on every
 * generated reply; the first one that objects makes the core send the template instead, and its
 * reason is recorded on the bot event and counted in metrics.
 */
public interface ReplyCheck {

  /** A short, stable name used in metrics and event metadata (e.g. {@code no_goodbye}). */
  String name();

  /**
   * Judges a generated reply.
   *
   * @return why the reply must not be sent, or empty to let it pass
   */
  Optional<String> reject(ReplyCandidate candidate);
}
