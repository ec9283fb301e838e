package dev.parley.core.rest;

import dev.parley.core.admin.StoryTestRuns;
import dev.parley.core.rest.dto.StoryTestDto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Conversation tests: runs Rasa test stories ({@code test_stories.yml}) against a bot's active
 * version and reports the first difference of each failed story, with every story's steps and a
 * failed story's conversation as the bot saw it. Admin API (see {@link AdminAuthFilter}).
 */
@ApplicationScoped
@Path("admin/tenants/{tenant}/bots/{bot}/test")
@Produces(MediaType.APPLICATION_JSON)
public class StoryTestResource {

  private static final int MAX_STORIES_CHARS = 2 << 20;

  private StoryTestRuns runs;

  /** For CDI proxies. */
  protected StoryTestResource() {}

  /** Uses the story test runner. */
  @Inject
  public StoryTestResource(StoryTestRuns runs) {
    this.runs = runs;
  }

  /** Runs the stories of the body against the bot. */
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
  public StoryTestDto testStories(
      @PathParam("tenant") String tenant, @PathParam("bot") String bot, String body) {
    if (body == null || body.isBlank()) {
      throw ApiError.badRequest(
          "empty_body", "send test stories in Rasa's test_stories.yml format");
    }
    if (body.length() > MAX_STORIES_CHARS) {
      throw ApiError.badRequest("body_too_large", "test stories exceed 2 MiB");
    }
    return StoryTestDto.from(runs.run(tenant, bot, body));
  }
}
