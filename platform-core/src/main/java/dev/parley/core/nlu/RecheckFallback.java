package dev.parley.core.nlu;

import dev.parley.core.bot.RecheckRunner;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Turns a failed re-check into the classifiers' original ranking, naming the reason. */
public class RecheckFallback implements FallbackHandler<RecheckRunner.Result> {

  @Override
  public RecheckRunner.Result handle(ExecutionContext context) {
    return resultFor((RecheckCall) context.getParameters()[0], context.getFailure());
  }

  /** The fallback result of a call that failed this way. */
  public static RecheckRunner.Result resultFor(RecheckCall call, Throwable failure) {
    String reason;
    if (failure instanceof RecheckRejected rejected) {
      reason = rejected.reason();
    } else if (failure instanceof TimeoutException) {
      reason = RecheckRejected.TIMEOUT;
    } else {
      reason = RecheckRejected.ERROR;
    }
    return RecheckRunner.Result.failed(call.ranking(), reason);
  }
}
