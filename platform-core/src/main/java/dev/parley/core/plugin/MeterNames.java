package dev.parley.core.plugin;

import java.util.Map;
import java.util.Optional;

/**
 * The metric names one meter writes: the guard's own {@code parley_plugin_*} names, or the names a
 * kind had before the guard (kept for dashboards and alerts), which may lack some parts.
 *
 * @param calls calls made
 * @param duration their latency
 * @param circuit the circuit state gauge (0 closed, 1 half-open, 2 open)
 * @param failures failures with a {@code reason} tag, if kept
 * @param reasonCounters counters of single reasons (without a tag), by reason
 * @param refusals refusals, if kept
 */
record MeterNames(
    String calls,
    String duration,
    String circuit,
    Optional<String> failures,
    Map<String, String> reasonCounters,
    Optional<String> refusals) {

  /** The guard's names, the same for every kind. */
  static final MeterNames PLUGIN =
      new MeterNames(
          "parley_plugin_calls_total",
          "parley_plugin_call_duration",
          "parley_plugin_circuit_state",
          Optional.of("parley_plugin_failures_total"),
          Map.of(),
          Optional.of("parley_plugin_refusals_total"));

  /** The names a kind had before the guard, tagged by tenant and bot only. */
  static Optional<MeterNames> earlier(GuardedKind kind) {
    return switch (kind) {
      case GENERATOR ->
          Optional.of(
              new MeterNames(
                  "parley_llm_calls_total",
                  "parley_llm_call_duration",
                  "parley_llm_circuit_state",
                  Optional.empty(),
                  Map.of(
                      PluginFailure.TIMEOUT, "parley_llm_timeouts_total",
                      PluginFailure.ERROR, "parley_llm_errors_total"),
                  Optional.empty()));
      case ACTION_SERVER ->
          Optional.of(
              new MeterNames(
                  "parley_action_server_calls_total",
                  "parley_action_server_call_duration",
                  "parley_action_server_circuit_state",
                  Optional.of("parley_action_server_failures_total"),
                  Map.of(),
                  Optional.of("parley_action_server_rejections_total")));
      default -> Optional.empty();
    };
  }
}
