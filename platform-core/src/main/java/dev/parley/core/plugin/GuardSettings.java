package dev.parley.core.plugin;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The limits of every guarded kind, read once from configuration. */
public final class GuardSettings {

  private final Map<GuardedKind, GuardLimits> limits = new EnumMap<>(GuardedKind.class);

  private GuardSettings(Function<String, Optional<String>> config) {
    for (GuardedKind kind : GuardedKind.values()) {
      limits.put(kind, GuardLimits.read(kind, config));
    }
  }

  /** Reads from a configuration lookup (e.g. MicroProfile Config's {@code getOptionalValue}). */
  public static GuardSettings read(Function<String, Optional<String>> config) {
    return new GuardSettings(config);
  }

  /** Settings from the given values, defaults for the rest (tools and tests). */
  public static GuardSettings of(Map<String, String> values) {
    return new GuardSettings(name -> Optional.ofNullable(values.get(name)));
  }

  /** Every limit at its default. */
  public static GuardSettings defaults() {
    return of(Map.of());
  }

  /** The limits of a kind. */
  public GuardLimits limits(GuardedKind kind) {
    return limits.get(kind);
  }
}
