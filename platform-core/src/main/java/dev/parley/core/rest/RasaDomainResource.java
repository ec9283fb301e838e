package dev.parley.core.rest;

import dev.parley.core.actionserver.DomainDict;
import dev.parley.core.bot.LoadedBot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Rasa's {@code GET domain}: the bot's domain as Rasa's {@code Domain.as_dict()}, in JSON or YAML
 * by the {@code Accept} header ({@code 406 NotAcceptable} for anything else).
 */
@ApplicationScoped
@Tag(name = "channel")
@Path("tenants/{tenant}/bots/{bot}")
public class RasaDomainResource {

  /** Rasa's YAML content type. */
  static final String YAML = "application/x-yml";

  private ChannelAccess access;

  /** For CDI proxies. */
  protected RasaDomainResource() {}

  /** Uses the channel's access rule. */
  @Inject
  public RasaDomainResource(ChannelAccess access) {
    this.access = access;
  }

  /** The domain in the format the client accepts. */
  @Operation(summary = "Rasa's domain, as JSON or YAML")
  @GET
  @Path("domain")
  @Produces(MediaType.WILDCARD)
  public Response domain(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    LoadedBot loaded;
    try {
      loaded = access.authorize(tenant, bot, Optional.ofNullable(authorization));
    } catch (ApiError e) {
      throw RasaError.from(e);
    }
    Map<String, Object> domain = DomainDict.of(loaded.model().domain());
    return switch (format(accept)) {
      case JSON -> Response.ok(domain, MediaType.APPLICATION_JSON_TYPE).build();
      case YAML -> Response.ok(yaml(domain), YAML).build();
    };
  }

  /** The formats of the domain. */
  enum Format {
    JSON,
    YAML
  }

  /**
   * The format an {@code Accept} header asks for, as Rasa reads it (a type ending in {@code json},
   * {@code yml} or {@code yaml}); no header or any type is JSON. 406 otherwise.
   */
  static Format format(String accept) {
    if (accept == null || accept.isBlank()) {
      return Format.JSON;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
      if (type.endsWith("json") || type.equals("*/*") || type.equals("application/*")) {
        return Format.JSON;
      }
      if (type.endsWith("yml") || type.endsWith("yaml")) {
        return Format.YAML;
      }
    }
    throw new RasaError(
        406,
        "NotAcceptable",
        "Invalid Accept header. Domain can be provided as json (\"Accept: application/json\") or"
            + " yml (\"Accept: application/x-yml\"). Make sure you've set the appropriate Accept"
            + " header.",
        Map.of());
  }

  private static String yaml(Map<String, Object> domain) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setAllowUnicode(true);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    return new Yaml(options).dump(domain);
  }
}
