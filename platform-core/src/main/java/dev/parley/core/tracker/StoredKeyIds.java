package dev.parley.core.tracker;

import java.util.List;
import java.util.Set;

/**
 * Which encryption keys the stored conversations need: the ids of keys that sealed stored event
 * batches but are not among the configured ones. The store implements it.
 */
public interface StoredKeyIds {

  /**
   * The key ids of stored event batches that are not in {@code configured}, at most {@code limit}.
   *
   * @param configured the ids of the keys this server has
   * @param limit the most ids to report
   */
  List<String> missingFrom(Set<String> configured, int limit);
}
