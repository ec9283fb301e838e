package dev.parley.core.bot;

import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.RecheckOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Runs one re-check stage for the pipeline. The server runs stages through its fault-tolerant guard
 * (deadline, circuit breaker, fallback); {@link #DIRECT} calls them in the caller's thread.
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
