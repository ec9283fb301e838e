package dev.parley.plugin.nlu;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;

/** Factory of {@link IntentClassifier}s; register in {@code META-INF/services}. */
public interface IntentClassifierFactory extends PluginFactory<IntentClassifier> {
  @Override
  default PluginKind kind() {
    return PluginKind.INTENT_CLASSIFIER;
  }
}
