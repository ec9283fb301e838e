package dev.parley.core.bot;

import dev.parley.core.plugin.GuardedKind;
import dev.parley.core.plugin.PluginFailure;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginKey;
import dev.parley.core.plugin.RemoteCall;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.RecheckOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Runs one re-check stage for the pipeline. The server runs stages through its {@link PluginGuard}
 * ({@link #guarded}: deadline, circuit breaker per bot and stage, server-wide bound, fallback);
 * {@link #DIRECT} calls them in the caller's thread.
 */
@FunctionalInterface
public interface RecheckRunner {

  /** Calls the stage in the caller's thread; a failing stage keeps the ranking. */
  RecheckRunner DIRECT =
      (stage, message, ranking) -> {
        try {
          return new Result(stage.worker().recheck(message, ranking), Optional.empty());
        } catch (RuntimeException e) {
          return Result.failed(ranking, "error");
        }
      };

  /**
   * Runs a bot's stages through the guard, each keyed by its stage id and waiting at most its
   * {@code timeout_ms}; a stage that fails, times out or whose circuit is open keeps the ranking.
   */
  static RecheckRunner guarded(PluginGuard guard, String tenant, String bot) {
    return (stage, message, ranking) ->
        guard.call(
            RemoteCall.of(
                new PluginKey(GuardedKind.RECHECK, stage.id(), tenant, bot),
                () -> {
                  RecheckOutcome outcome = stage.worker().recheck(message, ranking);
                  return new Result(
                      outcome == null ? RecheckOutcome.undecided(ranking) : outcome,
                      Optional.empty());
                },
                stage.timeoutMillis(),
                // No room for the stage (no thread left, or a tenant limit when one is set) is
                // reported as an error, one of the stage outcomes parse results document.
                reason ->
                    Result.failed(
                        ranking,
                        reason.equals(PluginFailure.BULKHEAD_FULL)
                            ? PluginFailure.ERROR
                            : reason)));
  }

  /** Runs the stage; never throws. */
  Result run(RecheckStage stage, Message message, List<IntentPrediction> ranking);

  /**
   * What running a stage gave.
   *
   * @param outcome the stage's verdict (the original ranking, undecided, when it failed)
   * @param failure why the stage gave no verdict ({@code timeout}, {@code circuit_open}, {@code
   *     error}), if it failed
   */
  record Result(RecheckOutcome outcome, Optional<String> failure) {

    /** A failed stage: keeps the ranking. */
    public static Result failed(List<IntentPrediction> ranking, String reason) {
      return new Result(RecheckOutcome.undecided(ranking), Optional.of(reason));
    }
  }
}
