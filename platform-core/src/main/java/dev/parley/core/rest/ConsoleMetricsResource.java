package dev.parley.core.rest;

import dev.parley.core.console.MetricsHistory;
import dev.parley.core.rest.dto.MetricsDto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A bot's recent metrics for the console dashboard (see {@link MetricsHistory}). */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleMetricsResource {

  private MetricsHistory history;

  /** For CDI proxies. */
  protected ConsoleMetricsResource() {}

  /** Reads the history. */
  @Inject
  public ConsoleMetricsResource(MetricsHistory history) {
    this.history = history;
  }

  /** The bot's samples of the last minutes, oldest first. */
  @Operation(summary = "The bot's samples of the last minutes, oldest first")
  @GET
  @Path("tenants/{tenant}/bots/{bot}/metrics")
  public MetricsDto recent(@PathParam("tenant") String tenant, @PathParam("bot") String bot) {
    return new MetricsDto(MetricsHistory.PERIOD_SECONDS, history.recent(tenant, bot));
  }
}
