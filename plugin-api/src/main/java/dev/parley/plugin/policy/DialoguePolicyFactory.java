package dev.parley.plugin.policy;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;

/** Factory of {@link DialoguePolicy}s; register in {@code META-INF/services}. */
public interface DialoguePolicyFactory extends PluginFactory<DialoguePolicy> {

  /** Breaks ties between equally confident policies; higher wins (Rasa: rules 6, memoization 3). */
  int defaultPriority();

  @Override
  default PluginKind kind() {
    return PluginKind.DIALOGUE_POLICY;
  }
}
