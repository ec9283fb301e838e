package dev.parley.plugins.nlu.support;

import dev.parley.plugin.ModelStorage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model storage in memory, for the throw-away models trained on part of a bot to calibrate with.
 */
public final class ScratchStorage implements ModelStorage {

  private final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();

  @Override
  public void write(String name, byte[] content) {
    artifacts.put(name, content.clone());
  }

  @Override
  public Optional<byte[]> read(String name) {
    return Optional.ofNullable(artifacts.get(name)).map(byte[]::clone);
  }
}
