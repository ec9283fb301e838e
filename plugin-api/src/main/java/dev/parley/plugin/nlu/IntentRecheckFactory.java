package dev.parley.plugin.nlu;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;

/** Factory of {@link IntentRecheck} stages; register in {@code META-INF/services}. */
public interface IntentRecheckFactory extends PluginFactory<IntentRecheck> {
  @Override
  default PluginKind kind() {
    return PluginKind.INTENT_RECHECK;
  }
}
