package dev.parley.core.bot;

/**
 * A trained model that was required to load as it is ({@code trained=require}) but cannot be: the
 * message says why. Nothing was trained or stored.
 */
public final class TrainedModelRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TrainedModelRejected(String reason) {
    super(reason);
  }
}
