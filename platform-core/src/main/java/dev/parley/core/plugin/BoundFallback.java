package dev.parley.core.plugin;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** Turns any failure of a server-wide bounded attempt into a failed answer naming the reason. */
public class BoundFallback implements FallbackHandler<RemoteAnswer> {

  @Override
  public RemoteAnswer handle(ExecutionContext context) {
    return RemoteAnswer.failed(PluginFailure.reasonOf(context.getFailure()));
  }
}
