package dev.parley.core.rest;

import dev.parley.core.config.NluRoleSettings;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.nlu.NluServing;
import dev.parley.core.rest.dto.NluParseDto;
import dev.parley.core.rest.dto.NluParseRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An NLU server's parse endpoint for dialogue servers ({@code POST /api/nlu/parse}): the bot's
 * named model version parses the text, or the call is refused with 409 (another version is served).
 * Calls carry the shared key ({@code PARLEY_NLU_KEY}) as a bearer token; without a configured key
 * every call is refused.
 */
@ApplicationScoped
@Tag(name = "channel")
@Path("nlu/parse")
@Produces(MediaType.APPLICATION_JSON)
public class NluParseResource {

  private NluRoleSettings role;
  private ServerSettings settings;
  private NluServing serving;

  /** For CDI proxies. */
  protected NluParseResource() {}

  /** Wires the collaborators. */
  @Inject
  public NluParseResource(NluRoleSettings role, ServerSettings settings, NluServing serving) {
    this.role = role;
    this.settings = settings;
    this.serving = serving;
  }

  /** Parses the text with the named version of the bot. */
  @Operation(summary = "Parses a text with a named version of a bot (the NLU role)")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public NluParseDto parse(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, NluParseRequest request) {
    authorize(authorization);
    if (request == null
        || request.tenant() == null
        || request.bot() == null
        || request.version() == null) {
      throw ApiError.badRequest("invalid_request", "tenant, bot and version are required");
    }
    String text = RequestChecks.text(request.text(), "text", settings.maxMessageChars());
    NluServing.Outcome outcome =
        serving.parse(request.tenant(), request.bot(), request.version(), text, request.metadata());
    if (outcome instanceof NluServing.Parsed parsed) {
      return new NluParseDto(parsed.version(), parsed.parse());
    }
    if (outcome instanceof NluServing.OtherVersion other) {
      throw new ApiError(
          409,
          "other_version",
          "this NLU server serves version "
              + other.served()
              + " of the bot, not "
              + request.version(),
          List.of());
    }
    throw ApiError.notFound("bot");
  }

  private void authorize(String authorization) {
    String expected = role.nluKey().map(key -> "Bearer " + key).orElse(null);
    if (expected == null
        || authorization == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            authorization.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(
          Response.Status.FORBIDDEN, "forbidden", "parse calls need the NLU key (PARLEY_NLU_KEY)");
    }
  }
}
