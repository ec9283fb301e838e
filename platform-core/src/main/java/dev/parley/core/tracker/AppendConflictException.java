package dev.parley.core.tracker;

/**
 * A conversation already has other events from the sequence number an append started at: another
 * server stored a turn that this server's copy of the tracker did not have (a copy kept across a
 * network partition, or one whose invalidation never arrived). Nothing of the failed append is
 * stored; the turn can run again on the stored state.
 */
public class AppendConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** For the conversation and the sequence number the append started at. */
  public AppendConflictException(ConversationKey key, int firstSequence, Throwable cause) {
    super(
        "the conversation of bot "
            + key.tenant()
            + "/"
            + key.bot()
            + " already has other events from sequence number "
            + firstSequence,
        cause);
  }
}
