package dev.parley.plugins.policy.memo;

/**
 * Rasa's {@code AugmentedMemoizationPolicy}: like memoization, but also recalls a story when only
 * the more recent part of the history matches. Priority 3.
 */
public final class AugmentedMemoizationPolicyFactory extends MemoizationPolicyFactory {

  /** The id used in {@code config.yml}. */
  public static final String AUGMENTED_ID = "AugmentedMemoizationPolicy";

  @Override
  public String id() {
    return AUGMENTED_ID;
  }

  @Override
  public String description() {
    return "Memoization that also matches on shorter recent histories";
  }

  @Override
  boolean augmented() {
    return true;
  }
}
