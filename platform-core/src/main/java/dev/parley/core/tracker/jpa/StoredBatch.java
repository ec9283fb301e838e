package dev.parley.core.tracker.jpa;

import dev.parley.plugin.conversation.Event;
import java.util.List;

/**
 * What identifies a stored batch's content without reading it: its size and first timestamp.
 *
 * @param eventCount the number of events
 * @param firstTimestamp the first event's timestamp
 */
public record StoredBatch(int eventCount, double firstTimestamp) {

  /** Whether these are the given events (as one turn appended them). */
  boolean isOf(List<Event> events) {
    return !events.isEmpty()
        && events.size() == eventCount
        && Double.compare(events.get(0).timestamp(), firstTimestamp) == 0;
  }
}
