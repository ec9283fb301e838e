package dev.parley.plugins.policy.rule;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.DialoguePolicyFactory;
import java.util.List;

/** Rasa's {@code RulePolicy}: rules, forms and the core fallback. Priority 6. */
public final class RulePolicyFactory implements DialoguePolicyFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "RulePolicy";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int defaultPriority() {
    return 6;
  }

  @Override
  public String description() {
    return "Predicts from rules.yml, runs active forms, and falls back when nothing is sure";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        ConfigProperty.number(
            "core_fallback_threshold", 0.3, "confidence of the fallback prediction"),
        ConfigProperty.string(
            "core_fallback_action_name", "action_default_fallback", "the fallback action"),
        ConfigProperty.bool("enable_fallback_prediction", true, "predict the fallback at all"),
        ConfigProperty.bool(
            "check_for_contradictions", true, "contradicting rules stop the training"),
        ConfigProperty.bool("restrict_rules", true, "accepted for Rasa compatibility"));
  }

  @Override
  public DialoguePolicy create(PluginContext context) {
    var config = context.config();
    return new RulePolicy(
        new RulePolicySettings(
            config.getDouble("core_fallback_threshold"),
            config.getString("core_fallback_action_name").orElseThrow(),
            config.getBoolean("enable_fallback_prediction"),
            config.getBoolean("check_for_contradictions")));
  }
}
