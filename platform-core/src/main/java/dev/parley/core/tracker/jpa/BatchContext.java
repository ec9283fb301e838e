package dev.parley.core.tracker.jpa;

/**
 * The associated data an event batch is encrypted with: its conversation and sequence number, so a
 * row copied into another conversation or position does not decrypt.
 */
final class BatchContext {

  private BatchContext() {}

  static String of(String conversationId, int firstSeq) {
    return "parley/event-batch/" + conversationId + '/' + firstSeq;
  }

  /** The associated data of a conversation's snapshot at a sequence number. */
  static String snapshot(String conversationId, int sequence) {
    return "parley/snapshot/" + conversationId + '/' + sequence;
  }
}
