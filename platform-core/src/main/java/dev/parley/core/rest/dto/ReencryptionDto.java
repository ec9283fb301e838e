package dev.parley.core.rest.dto;

import dev.parley.core.tracker.ConversationReencryption;

/** The counts of a re-encryption of stored conversation data. */
public record ReencryptionDto(
    String activeKey, int reencrypted, int unreadable, int batches, long durationMs) {

  /** The JSON body of a re-encryption report. */
  public static ReencryptionDto from(ConversationReencryption.Report report) {
    return new ReencryptionDto(
        report.activeKey(),
        report.reencrypted(),
        report.unreadable(),
        report.batches(),
        report.millis());
  }
}
