package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.core.admin.BotAdminService;
import java.util.List;

/**
 * One stored version of a bot in its history, with its note (or null), the files it changed and
 * where its model came from ({@code trained} by the server or {@code loaded} from a model the
 * command line trained).
 */
public record VersionDto(
    int version,
    String createdAt,
    String createdBy,
    String contentHash,
    String note,
    List<String> changed,
    @JsonInclude(JsonInclude.Include.NON_NULL) String model) {

  /** A row without the model's origin. */
  public VersionDto(
      int version,
      String createdAt,
      String createdBy,
      String contentHash,
      String note,
      List<String> changed) {
    this(version, createdAt, createdBy, contentHash, note, changed, null);
  }

  /** The JSON row of a version summary. */
  public static VersionDto from(BotAdminService.VersionSummary v) {
    return new VersionDto(
        v.version(),
        v.createdAt().toString(),
        v.createdBy().orElse(null),
        v.contentHash(),
        v.note().orElse(null),
        v.changed(),
        v.model());
  }
}
