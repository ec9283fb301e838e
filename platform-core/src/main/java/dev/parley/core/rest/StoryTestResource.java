package dev.parley.core.rest;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.nlu.NluService;
import dev.parley.core.turn.RemoteActions;
import dev.parley.core.turn.StoryTestReport;
import dev.parley.core.turn.StoryTester;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Conversation tests: runs Rasa test stories ({@code test_stories.yml}) against a bot's active
 * version and reports the first difference of each failed story. Admin API (see {@link
 * AdminAuthFilter}).
 */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin/tenants/{tenant}/bots/{bot}/test")
@Produces(MediaType.APPLICATION_JSON)
public class StoryTestResource {

  private static final int MAX_STORIES_CHARS = 2 << 20;

  private BotCatalog catalog;
  private RemoteActions remote;
  private NluService nlu;

  /** For CDI proxies. */
  protected StoryTestResource() {}

  /**
   * Uses the active bots, their action servers (for form validation) and the guarded NLU (re-check
   * stages under their deadline and circuit breaker, as live).
   */
  @Inject
  public StoryTestResource(BotCatalog catalog, RemoteActions remote, NluService nlu) {
    this.catalog = catalog;
    this.remote = remote;
    this.nlu = nlu;
  }

  /** Runs the stories of the body against the bot. */
  @Operation(summary = "Runs the stories of the body against the bot")
  @POST
  @Path("stories")
  @Consumes({
    "application/x-yaml",
    "application/yaml",
    "text/yaml",
    "text/x-yaml",
    MediaType.TEXT_PLAIN,
    MediaType.APPLICATION_OCTET_STREAM
  })
  public StoryTestReport testStories(
      @PathParam("tenant") String tenant, @PathParam("bot") String bot, String body) {
    BotModel model =
        catalog.find(tenant, bot).map(LoadedBot::model).orElseThrow(() -> ApiError.notFound("bot"));
    if (body == null || body.isBlank()) {
      throw ApiError.badRequest(
          "empty_body", "send test stories in Rasa's test_stories.yml format");
    }
    if (body.length() > MAX_STORIES_CHARS) {
      throw ApiError.badRequest("body_too_large", "test stories exceed 2 MiB");
    }
    return StoryTester.run(
        model,
        new BotProjectParser().parseTestStories("test_stories.yml", body, model.domain()),
        remote,
        message -> nlu.parseUncached(model, message));
  }
}
