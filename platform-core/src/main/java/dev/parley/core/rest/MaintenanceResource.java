package dev.parley.core.rest;

import dev.parley.core.tracker.jpa.Reencryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Admin maintenance calls (authenticated by {@link AdminAuthFilter}, like all admin paths). */
@ApplicationScoped
@Path("admin/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

  private Reencryption reencryption;

  /** For CDI proxies. */
  protected MaintenanceResource() {}

  /** Wires the collaborators. */
  @Inject
  public MaintenanceResource(Reencryption reencryption) {
    this.reencryption = reencryption;
  }

  /** Re-encrypts stored conversation data under the active key; returns the counts. */
  @POST
  @Path("reencrypt")
  public Map<String, Object> reencrypt() {
    Reencryption.Report report = reencryption.run();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("active_key", report.activeKey());
    body.put("reencrypted", report.reencrypted());
    body.put("unreadable", report.unreadable());
    body.put("batches", report.batches());
    body.put("duration_ms", report.millis());
    return body;
  }
}
