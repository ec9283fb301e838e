package dev.parley.plugins.policy.memo;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.DialoguePolicyFactory;
import java.util.List;

/** Rasa's {@code MemoizationPolicy}: recalls the stories exactly. Priority 3. */
public class MemoizationPolicyFactory implements DialoguePolicyFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "MemoizationPolicy";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int defaultPriority() {
    return 3;
  }

  @Override
  public String description() {
    return "Predicts the next action when the last max_history turns equal a story's";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(ConfigProperty.integer("max_history", 5, "turns of history to compare"));
  }

  @Override
  public DialoguePolicy create(PluginContext context) {
    return new MemoizationPolicy(
        (int) context.config().getLong("max_history"), augmented(), context.domain());
  }

  /** Whether shorter histories are also tried. */
  boolean augmented() {
    return false;
  }
}
