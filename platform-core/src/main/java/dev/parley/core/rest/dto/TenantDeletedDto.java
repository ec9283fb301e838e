package dev.parley.core.rest.dto;

import java.util.List;

/** A deleted tenant and the bots deleted with it. */
public record TenantDeletedDto(String tenant, boolean deleted, List<String> deletedBots) {}
