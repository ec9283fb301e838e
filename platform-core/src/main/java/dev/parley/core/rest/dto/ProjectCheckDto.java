package dev.parley.core.rest.dto;

import dev.parley.core.admin.BotAdminService;
import dev.parley.core.bot.definition.ValidationMessage;
import java.util.List;

/** A validate-only check of a project: whether it would train, its problems and its warnings. */
public record ProjectCheckDto(
    boolean valid, List<ValidationMessage> problems, List<ValidationMessage> warnings) {

  /** The JSON body of a check. */
  public static ProjectCheckDto from(BotAdminService.ProjectCheck check) {
    return new ProjectCheckDto(check.problems().isEmpty(), check.problems(), check.warnings());
  }
}
