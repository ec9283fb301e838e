package dev.parley.plugin;

import java.util.Optional;

/**
 * The only place a trainable plugin persists what it learned. The core stores the bytes with the
 * bot's model version (in the database), so plugins never choose file paths.
 */
public interface ModelStorage {

  /** Stores (or replaces) a named artifact of this pipeline entry. */
  void write(String name, byte[] content);

  /** Reads a named artifact written by {@link #write} for the same model version. */
  Optional<byte[]> read(String name);
}
