package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.core.bot.ImportResult;
import dev.parley.core.bot.ModelOrigin;
import dev.parley.core.bot.definition.ValidationMessage;
import java.util.List;

/**
 * The answer to a bot import; the API key only for a new bot (shown once), and where the model came
 * from.
 */
public record ImportDto(
    String tenant,
    String bot,
    boolean created,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("apiKey") String apiKey,
    int version,
    List<ValidationMessage> warnings,
    @JsonInclude(JsonInclude.Include.NON_NULL) Model model) {

  /** An answer without the model's origin. */
  public ImportDto(
      String tenant,
      String bot,
      boolean created,
      String apiKey,
      int version,
      List<ValidationMessage> warnings) {
    this(tenant, bot, created, apiKey, version, warnings, null);
  }

  /**
   * Where the version's model came from.
   *
   * @param source {@code loaded} (the trained model sent serves as it is) or {@code trained}
   * @param reason why a trained model that was sent could not be loaded (absent otherwise)
   */
  public record Model(String source, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    static Model of(ModelOrigin origin) {
      return new Model(origin.loaded() ? "loaded" : "trained", origin.reason().orElse(null));
    }
  }

  /** The JSON body of an import's result. */
  public static ImportDto from(String tenant, String bot, ImportResult result) {
    return new ImportDto(
        tenant,
        bot,
        result.created(),
        result.apiKey().orElse(null),
        result.version(),
        result.warnings(),
        Model.of(result.model()));
  }
}
