package dev.parley.core.turn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Produces the server's {@link DialogueLoop}: live turns with its "say" step and action servers.
 */
@ApplicationScoped
public class LiveDialogue {

  /** The loop of live turns. */
  @Produces
  public DialogueLoop dialogue(ReplyPhrasing phrasing, RemoteActions remote) {
    return DialogueLoop.live(phrasing, remote);
  }
}
