package dev.parley.core.rest.dto;

import dev.parley.core.tenant.TenantService;
import java.util.List;
import java.util.Map;

/** A tenant with its bots, as listed for the console. */
public record TenantDto(
    String tenant,
    String displayName,
    String createdAt,
    List<String> bots,
    Map<String, String> botDisplayNames) {

  /** The JSON row of a tenant. */
  public static TenantDto from(TenantService.Summary tenant) {
    return new TenantDto(
        tenant.name(),
        tenant.displayName(),
        tenant.createdAt().toString(),
        tenant.bots(),
        tenant.botDisplayNames());
  }
}
