package dev.parley.plugin.response;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;

/** Factory of {@link ResponseGenerator}s; register in {@code META-INF/services}. */
public interface ResponseGeneratorFactory extends PluginFactory<ResponseGenerator> {
  @Override
  default PluginKind kind() {
    return PluginKind.RESPONSE_GENERATOR;
  }
}
