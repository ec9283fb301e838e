package dev.parley.core.plugin;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind's limits: when a key's circuit breaker opens (at least {@code minimumCalls} of its last
 * {@code window} calls ran and {@code failureRatePercent} of them failed) and how long it stays
 * open; how many calls of one tenant may be in flight (0: no tenant bulkhead); how many calls of
 * the kind may wait on their own threads for their deadline on this server.
 *
 * @param failureRatePercent {@code circuit.failure.rate}, default 50
 * @param minimumCalls {@code circuit.minimum.calls}, default 4
 * @param window {@code circuit.window}, default 10
 * @param openMillis {@code circuit.open.ms}, default 30000
 * @param tenantConcurrency {@code tenant.max.concurrent}, default 32 for generators, else 0
 * @param serverConcurrency {@code server.max.concurrent}, default 64 for remote kinds, else 0
 */
public record GuardLimits(
    float failureRatePercent,
    int minimumCalls,
    int window,
    long openMillis,
    int tenantConcurrency,
    int serverConcurrency) {

  /** The setting of the server-wide concurrency (and thread pool) of a kind. */
  public static final String SERVER_MAX_CONCURRENT = "server.max.concurrent";

  /** Reads a kind's limits from configuration (by {@link GuardedKind#configNames}). */
  public static GuardLimits read(GuardedKind kind, Function<String, Optional<String>> config) {
    Function<String, Optional<String>> setting = name -> first(kind.configNames(name), config);
    return new GuardLimits(
        setting.apply("circuit.failure.rate").map(Float::parseFloat).orElse(50f),
        setting.apply("circuit.minimum.calls").map(Integer::parseInt).orElse(4),
        setting.apply("circuit.window").map(Integer::parseInt).orElse(10),
        setting.apply("circuit.open.ms").map(Long::parseLong).orElse(30_000L),
        setting
            .apply("tenant.max.concurrent")
            .map(Integer::parseInt)
            .orElse(kind == GuardedKind.GENERATOR ? 32 : 0),
        setting.apply(SERVER_MAX_CONCURRENT).map(Integer::parseInt).orElse(kind.remote() ? 64 : 0));
  }

  private static Optional<String> first(
      List<String> names, Function<String, Optional<String>> config) {
    for (String name : names) {
      Optional<String> value = config.apply(name).map(String::strip).filter(v -> !v.isEmpty());
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }
}
