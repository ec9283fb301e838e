package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.core.bot.ImportResult;
import dev.parley.core.bot.definition.ValidationMessage;
import java.util.List;

/** The answer to a bot import; the API key only for a new bot (shown once). */
public record ImportDto(
    String tenant,
    String bot,
    boolean created,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("apiKey") String apiKey,
    int version,
    List<ValidationMessage> warnings) {

  /** The JSON body of an import's result. */
  public static ImportDto from(String tenant, String bot, ImportResult result) {
    return new ImportDto(
        tenant,
        bot,
        result.created(),
        result.apiKey().orElse(null),
        result.version(),
        result.warnings());
  }
}
