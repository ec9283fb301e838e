package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.core.admin.BotAdminService;
import dev.parley.core.bot.definition.ValidationMessage;
import java.util.List;

/** A bot for the console: active version, visibility, warnings and versions, newest first. */
public record BotVersionsDto(
    String tenant,
    String bot,
    String displayName,
    int activeVersion,
    @JsonProperty("public") boolean publicBot,
    List<ValidationMessage> warnings,
    List<VersionDto> versions) {

  /** The JSON body of a bot's history. */
  public static BotVersionsDto from(String tenant, String bot, BotAdminService.BotHistory history) {
    return new BotVersionsDto(
        tenant,
        bot,
        history.displayName(),
        history.activeVersion(),
        history.publicBot(),
        history.warnings(),
        history.versions().stream().map(VersionDto::from).toList());
  }
}
