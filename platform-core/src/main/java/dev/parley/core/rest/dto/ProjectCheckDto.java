package dev.parley.core.rest.dto;

import dev.parley.core.admin.BotAdminService;
import java.util.List;

/**
 * A validate-only check of a project: whether it would train, its problems (severity {@code error})
 * and its warnings (severity {@code warning}), each at its file and line, and how many of each
 * there are.
 */
public record ProjectCheckDto(
    boolean valid,
    List<CheckMessageDto> problems,
    List<CheckMessageDto> warnings,
    int errorCount,
    int warningCount) {

  /** The JSON body of a check. */
  public static ProjectCheckDto from(BotAdminService.ProjectCheck check) {
    return new ProjectCheckDto(
        check.problems().isEmpty(),
        CheckMessageDto.of(check.problems(), CheckMessageDto.ERROR),
        CheckMessageDto.of(check.warnings(), CheckMessageDto.WARNING),
        check.problems().size(),
        check.warnings().size());
  }
}
