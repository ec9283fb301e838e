package dev.parley.core.bot;

import dev.parley.plugin.ModelStorage;
import java.util.Map;
import java.util.Optional;

/** A plugin's view of a model version's artifacts: names are scoped to its pipeline entry. */
final class ArtifactStorage implements ModelStorage {

  private final Map<String, byte[]> artifacts;
  private final String prefix;

  ArtifactStorage(Map<String, byte[]> artifacts, String prefix) {
    this.artifacts = artifacts;
    this.prefix = prefix;
  }

  @Override
  public void write(String name, byte[] content) {
    artifacts.put(prefix + name, content.clone());
  }

  @Override
  public Optional<byte[]> read(String name) {
    return Optional.ofNullable(artifacts.get(prefix + name)).map(byte[]::clone);
  }
}
