// Renaming and deleting tenants and bots: display names and what a delete asks and calls.

/** The name to show for a tenant row of GET admin/tenants (its id until renamed). */
export function tenantLabel(tenant) {
  return tenant.display_name || tenant.tenant;
}

/** The name to show for one of a tenant row's bots (its id until renamed). */
export function botLabel(tenant, bot) {
  return (tenant.bot_display_names && tenant.bot_display_names[bot]) || bot;
}

/**
 * What deleting a tenant asks and calls: a tenant with bots needs cascade=true (the server
 * answers 409 otherwise), and the question says how many bots go with it.
 */
export function tenantDeletion(tenant) {
  const count = tenant.bots.length;
  const base = `admin/tenants/${encodeURIComponent(tenant.tenant)}`;
  return count === 0
    ? { path: base, messageKey: 'deleteTenantConfirm', vars: { tenant: tenantLabel(tenant) } }
    : { path: `${base}?cascade=true`, messageKey: 'deleteTenantCascade', vars: { tenant: tenantLabel(tenant), count } };
}
