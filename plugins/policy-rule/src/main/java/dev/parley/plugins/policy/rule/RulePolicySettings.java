package dev.parley.plugins.policy.rule;

/**
 * The RulePolicy's settings.
 *
 * @param fallbackThreshold confidence of the fallback prediction
 * @param fallbackAction the core fallback action
 * @param enableFallbackPrediction whether to predict the fallback at all
 * @param checkContradictions whether contradicting rules stop training
 */
record RulePolicySettings(
    double fallbackThreshold,
    String fallbackAction,
    boolean enableFallbackPrediction,
    boolean checkContradictions) {}
