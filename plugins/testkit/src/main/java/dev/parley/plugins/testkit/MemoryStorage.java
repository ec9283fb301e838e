package dev.parley.plugins.testkit;

import dev.parley.plugin.ModelStorage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A model storage in memory; bytes are copied in and out as the server's storage does. */
public final class MemoryStorage implements ModelStorage {

  private final Map<String, byte[]> artifacts = new HashMap<>();

  @Override
  public void write(String name, byte[] content) {
    artifacts.put(name, content.clone());
  }

  @Override
  public Optional<byte[]> read(String name) {
    return Optional.ofNullable(artifacts.get(name)).map(byte[]::clone);
  }

  /** How many artifacts were written. */
  public int size() {
    return artifacts.size();
  }

  /** The stored artifacts' total size in bytes. */
  public long bytes() {
    return artifacts.values().stream().mapToLong(content -> content.length).sum();
  }
}
