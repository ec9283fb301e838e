package dev.parley.core.cluster;

/**
 * What became of a request passed on to another member: answered, not delivered (so the sender may
 * handle it itself), or delivered with no answer (the receiver may have handled it: the sender must
 * not do it again).
 */
public sealed interface Forwarded {

  /**
   * The owner answered.
   *
   * @param status its HTTP status
   * @param contentType its content type
   * @param body its body
   */
  record Answered(int status, String contentType, byte[] body) implements Forwarded {}

  /**
   * The owner could not be reached: the request was not delivered.
   *
   * @param reason why, for the log
   */
  record Unreachable(String reason) implements Forwarded {}

  /**
   * The request may have been delivered, but no answer came.
   *
   * @param reason why, for the log
   */
  record NoAnswer(String reason) implements Forwarded {}
}
