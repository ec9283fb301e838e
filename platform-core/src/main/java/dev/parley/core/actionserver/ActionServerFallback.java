package dev.parley.core.actionserver;

import dev.parley.core.turn.ActionOutcome;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Turns a failed action-server call into a failed outcome that names the reason. */
public class ActionServerFallback implements FallbackHandler<ActionOutcome> {

  @Override
  public ActionOutcome handle(ExecutionContext context) {
    Throwable failure = context.getFailure();
    if (failure instanceof ActionServerFailure known) {
      return new ActionOutcome.Failed(known.reason());
    }
    if (failure instanceof TimeoutException) {
      return new ActionOutcome.Failed(ActionServerFailure.TIMEOUT);
    }
    return new ActionOutcome.Failed(ActionServerFailure.ERROR);
  }
}
