package dev.parley.plugin.nlu;

/**
 * Out-of-scope detection: a classifier that finds a message unlike all the bot's intents puts
 * {@link #INTENT} first in its ranking (with the detector's score as confidence, the real ranking
 * after it). The server then answers {@code nlu_fallback}, decided by {@link #DECIDED_BY}.
 */
public final class OutOfScope {

  /** The marker a classifier puts first in its ranking for an out-of-scope message. */
  public static final String INTENT = "parley_out_of_scope";

  /** The {@link NluDecision#decidedBy()} of a message flagged out of scope. */
  public static final String DECIDED_BY = "oos";

  private OutOfScope() {}
}
