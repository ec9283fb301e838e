package dev.parley.core.rest.dto;

import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.ConfigProperty;
import java.util.List;
import java.util.Locale;

/** An installed plugin. */
public record PluginDto(
    String id,
    String kind,
    String version,
    String description,
    String source,
    List<ConfigProperty> config) {

  /** The JSON row of a registered plugin. */
  public static PluginDto from(RegisteredPlugin plugin) {
    return new PluginDto(
        plugin.id(),
        plugin.kind().name().toLowerCase(Locale.ROOT),
        plugin.factory().version(),
        plugin.factory().description(),
        plugin.source(),
        plugin.factory().configProperties());
  }
}
