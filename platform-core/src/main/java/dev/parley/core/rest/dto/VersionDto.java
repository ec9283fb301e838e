package dev.parley.core.rest.dto;

import dev.parley.core.admin.BotAdminService;
import java.util.List;

/** One stored version of a bot in its history, with its note (or null) and the files it changed. */
public record VersionDto(
    int version,
    String createdAt,
    String createdBy,
    String contentHash,
    String note,
    List<String> changed) {

  /** The JSON row of a version summary. */
  public static VersionDto from(BotAdminService.VersionSummary v) {
    return new VersionDto(
        v.version(),
        v.createdAt().toString(),
        v.createdBy().orElse(null),
        v.contentHash(),
        v.note().orElse(null),
        v.changed());
  }
}
