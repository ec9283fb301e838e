package dev.parley.plugin.nlu;

import java.util.List;

/**
 * Which part of the NLU decided a message's intent, and what each re-check stage said. Shown to
 * clients as Parley's extra {@code parley} field of a parse result.
 *
 * <pre>{@code
 * if (!result.decision().decidedBy().equals(NluDecision.CLASSIFIER)) {
 *   // the classifiers were unsure: a re-check stage or the fallback decided
 * }
 * }</pre>
 *
 * @param decidedBy {@link #CLASSIFIER}, the id of the re-check stage that decided, or {@link
 *     #FALLBACK} when the message became {@code nlu_fallback}
 * @param stages the re-check stages that ran, in order (empty when the classifiers were confident)
 */
public record NluDecision(String decidedBy, List<StageVerdict> stages) {

  /** The classifiers were confident enough. */
  public static final String CLASSIFIER = "classifier";

  /** Nothing was confident: the message is {@code nlu_fallback}. */
  public static final String FALLBACK = "fallback";

  /** Copies the stages. */
  public NluDecision {
    decidedBy = decidedBy == null ? CLASSIFIER : decidedBy;
    stages = stages == null ? List.of() : List.copyOf(stages);
  }

  /** The decision of confident classifiers. */
  public static NluDecision classifier() {
    return new NluDecision(CLASSIFIER, List.of());
  }

  /**
   * What one re-check stage said about a message.
   *
   * @param stage the stage id (the plugin id, or {@code id#n} for its n-th use)
   * @param outcome {@code confirmed} (sure of the classifiers' top intent), {@code changed} (sure
   *     of another intent), {@code undecided}, or why it gave no answer: {@code timeout}, {@code
   *     circuit_open}, {@code error}
   * @param intent the stage's top intent, or {@code null} when it gave none
   * @param confidence the confidence of that intent (0 when none)
   */
  public record StageVerdict(String stage, String outcome, String intent, double confidence) {

    /** The stage was sure of the classifiers' top intent. */
    public static final String CONFIRMED = "confirmed";

    /** The stage was sure of another intent. */
    public static final String CHANGED = "changed";

    /** The stage answered but was not sure. */
    public static final String UNDECIDED = "undecided";
  }
}
