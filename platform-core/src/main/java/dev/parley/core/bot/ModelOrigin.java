package dev.parley.core.bot;

import java.util.Optional;

/**
 * Where a new version's model came from: trained by this server, or loaded from a model the command
 * line trained; when a trained model was sent but could not be used, the reason it was trained
 * again.
 *
 * @param loaded whether the sent artifacts serve as they are (nothing was trained)
 * @param reason why a sent model was not loaded and the server trained instead
 */
public record ModelOrigin(boolean loaded, Optional<String> reason) {

  /** Trained from a project (no trained model sent). */
  public static final ModelOrigin TRAINED = new ModelOrigin(false, Optional.empty());

  /** Loaded from the trained model sent. */
  public static final ModelOrigin LOADED = new ModelOrigin(true, Optional.empty());

  /** Trained because the sent model could not be loaded, for {@code reason}. */
  public static ModelOrigin retrained(String reason) {
    return new ModelOrigin(false, Optional.of(reason));
  }
}
