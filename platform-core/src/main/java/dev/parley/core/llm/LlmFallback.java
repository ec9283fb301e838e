package dev.parley.core.llm;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Turns a failed guarded call into an outcome that names the reason; the template is sent. */
public class LlmFallback implements FallbackHandler<LlmOutcome> {

  @Override
  public LlmOutcome handle(ExecutionContext context) {
    Throwable failure = context.getFailure();
    if (failure instanceof LlmRejected rejected) {
      return LlmOutcome.failed(rejected.reason());
    }
    if (failure instanceof TimeoutException) {
      return LlmOutcome.failed(LlmOutcome.TIMEOUT);
    }
    if (failure instanceof BulkheadException) {
      return LlmOutcome.failed(LlmOutcome.BULKHEAD_FULL);
    }
    return LlmOutcome.failed(LlmOutcome.ERROR);
  }
}
