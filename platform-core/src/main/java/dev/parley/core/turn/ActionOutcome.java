package dev.parley.core.turn;

import dev.parley.plugin.action.ActionResult;
import java.util.Optional;

/** How running an action ended: it ran, it rejected the turn, or it could not run at all. */
public sealed interface ActionOutcome {

  /** The result to apply; empty when the action rejected the turn or failed. */
  default Optional<ActionResult> applicable() {
    return this instanceof Completed c ? Optional.of(c.result()) : Optional.empty();
  }

  /** An {@link ActionRunner}-style result: empty means rejected. */
  static ActionOutcome of(Optional<ActionResult> result) {
    return result.<ActionOutcome>map(Completed::new).orElseGet(() -> new Rejected("rejected"));
  }

  /**
   * The action ran.
   *
   * @param result its messages and events
   */
  record Completed(ActionResult result) implements ActionOutcome {}

  /**
   * The action refused to run now (Rasa's {@code ActionExecutionRejection}); other policies may
   * predict something else.
   *
   * @param error why, as the action said
   */
  record Rejected(String error) implements ActionOutcome {}

  /**
   * The action could not run (its server is down, slow, failing, or its circuit is open). None of
   * its events may be applied.
   *
   * @param reason a stable reason code, e.g. {@code timeout}
   */
  record Failed(String reason) implements ActionOutcome {}
}
