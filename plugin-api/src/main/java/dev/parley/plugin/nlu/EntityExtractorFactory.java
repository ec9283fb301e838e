package dev.parley.plugin.nlu;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;

/** Factory of {@link EntityExtractor}s; register in {@code META-INF/services}. */
public interface EntityExtractorFactory extends PluginFactory<EntityExtractor> {
  @Override
  default PluginKind kind() {
    return PluginKind.ENTITY_EXTRACTOR;
  }
}
