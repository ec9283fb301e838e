package dev.parley.core.plugin;

/**
 * What one guarded call is keyed by: its kind, the plugin (or re-check stage) id, and the bot it
 * serves. Circuit breakers and metrics are per key; tenant bulkheads per kind and tenant.
 *
 * @param kind the kind of call
 * @param plugin the plugin id (a re-check stage's id; {@code action_server} for the action server)
 * @param tenant the tenant
 * @param bot the bot
 */
public record PluginKey(GuardedKind kind, String plugin, String tenant, String bot) {

  /** The plugin id of a bot's action server, which is not a plugin. */
  public static final String ACTION_SERVER = "action_server";

  /** {@code tenant/bot/kind/plugin}: the name of this key's circuit breaker. */
  public String name() {
    return tenant + "/" + bot + "/" + kind.id() + "/" + plugin;
  }
}
