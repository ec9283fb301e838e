package dev.parley.core.rest;

import dev.parley.core.rest.dto.ReencryptionDto;
import dev.parley.core.tracker.ConversationReencryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin maintenance calls (authenticated by {@link AdminAuthFilter}, like all admin paths). */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

  private ConversationReencryption reencryption;

  /** For CDI proxies. */
  protected MaintenanceResource() {}

  /** Wires the collaborators. */
  @Inject
  public MaintenanceResource(ConversationReencryption reencryption) {
    this.reencryption = reencryption;
  }

  /** Re-encrypts stored conversation data under the active key; returns the counts. */
  @Operation(summary = "Re-encrypts stored conversation data under the active key")
  @POST
  @Path("reencrypt")
  public ReencryptionDto reencrypt() {
    return ReencryptionDto.from(reencryption.run());
  }
}
