package dev.parley.core.rest;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.nlu.NluService;
import dev.parley.core.nlu.eval.LabelledData;
import dev.parley.core.nlu.eval.NluEvaluation;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * NLU evaluation of a bot's active version on labelled test data (JSONL or Rasa {@code nlu.yml}),
 * answered in the shape of Rasa's {@code /model/test/intents}. Admin API (see {@link
 * AdminAuthFilter}).
 */
@ApplicationScoped
@Path("admin/tenants/{tenant}/bots/{bot}/test/nlu")
@Produces(MediaType.APPLICATION_JSON)
public class NluTestResource {

  private static final int MAX_BODY_CHARS = 10 << 20;

  private BotCatalog catalog;
  private NluService nlu;

  /** For CDI proxies. */
  protected NluTestResource() {}

  /** Uses the active bots and the server's NLU. */
  @Inject
  public NluTestResource(BotCatalog catalog, NluService nlu) {
    this.catalog = catalog;
    this.nlu = nlu;
  }

  /** Evaluates the bot on the examples of the body. */
  @POST
  @Consumes({
    "application/x-ndjson",
    "application/jsonl",
    MediaType.APPLICATION_JSON,
    "application/x-yaml",
    "application/yaml",
    "text/yaml",
    "text/x-yaml",
    MediaType.TEXT_PLAIN,
    MediaType.APPLICATION_OCTET_STREAM
  })
  public Map<String, Object> testNlu(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("predictions") @DefaultValue("false") boolean predictions,
      String body) {
    BotModel model =
        catalog.find(tenant, bot).map(LoadedBot::model).orElseThrow(() -> ApiError.notFound("bot"));
    if (body == null || body.isBlank()) {
      throw ApiError.badRequest(
          "empty_body",
          "send test data as JSONL lines {\"text\", \"intent\", \"entities\"} or Rasa nlu.yml");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw ApiError.badRequest("body_too_large", "test data exceeds 10 MiB");
    }
    List<NluExample> examples;
    try {
      examples = LabelledData.read(body);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_test_data", "JSONL test data: " + e.getMessage());
    }
    if (examples.isEmpty()) {
      throw ApiError.badRequest("invalid_test_data", "the test data has no examples");
    }
    String language = model.config().language();
    Map<String, Object> report =
        NluEvaluation.run(
                examples, text -> nlu.parseUncached(model, new Message(text, language, Map.of())))
            .report(predictions);
    report.put("version", model.version());
    report.put("threshold", model.nlu().threshold());
    model
        .nlu()
        .thresholdChoice()
        .ifPresent(
            choice -> {
              Map<String, Object> chosen = new java.util.LinkedHashMap<>();
              chosen.put("target_precision", choice.targetPrecision());
              chosen.put("expected_coverage", choice.coverage());
              chosen.put("expected_precision", choice.precision());
              chosen.put("held_out_ece", choice.reliability().ece());
              chosen.put("held_out_examples", choice.reliability().count());
              report.put("threshold_auto", chosen);
            });
    return report;
  }
}
