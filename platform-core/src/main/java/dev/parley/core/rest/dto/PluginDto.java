package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.core.plugin.RegisteredChannel;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.core.rest.channel.InstalledChannel;
import dev.parley.plugin.ConfigProperty;
import java.util.List;
import java.util.Locale;

/**
 * An installed plugin or channel. A channel (kind {@code channel}) also has its {@code status}
 * ({@code available} or {@code off}), the URL {@code paths} it serves and, when off, the {@code
 * error} that left it out.
 */
public record PluginDto(
    String id,
    String kind,
    String version,
    String description,
    String source,
    List<ConfigProperty> config,
    @JsonInclude(JsonInclude.Include.NON_NULL) String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> paths,
    @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

  /** The kind of a channel's row. */
  public static final String CHANNEL = "channel";

  /** The JSON row of a registered plugin. */
  public static PluginDto from(RegisteredPlugin plugin) {
    return new PluginDto(
        plugin.id(),
        plugin.kind().name().toLowerCase(Locale.ROOT),
        plugin.factory().version(),
        plugin.factory().description(),
        plugin.source(),
        plugin.factory().configProperties(),
        null,
        null,
        null);
  }

  /** The JSON row of a channel: its settings live in a bot's {@code credentials.yml}. */
  public static PluginDto from(InstalledChannel channel) {
    RegisteredChannel registered = channel.registered();
    return new PluginDto(
        registered.id(),
        CHANNEL,
        registered.factory().version(),
        registered.factory().description(),
        registered.source(),
        List.of(),
        channel.available() ? "available" : "off",
        channel.paths(),
        channel.error().orElse(null));
  }
}
