package dev.parley.core.tracker;

/**
 * Brings all stored conversation data under the active encryption key (the maintenance call of the
 * admin API); the store implements it.
 */
public interface ConversationReencryption {

  /** Re-encrypts every stored row not under the active key; returns the counts. */
  Report run();

  /**
   * The result of a re-encryption.
   *
   * @param activeKey the id of the key everything is now under
   * @param reencrypted rows re-encrypted
   * @param unreadable rows that could not be decrypted and were left as they were
   * @param batches transactions used
   * @param millis duration
   */
  record Report(String activeKey, int reencrypted, int unreadable, int batches, long millis) {}
}
