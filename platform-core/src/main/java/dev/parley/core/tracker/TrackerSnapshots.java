package dev.parley.core.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps long conversations short in memory and quick to load: once a tracker holds more than the
 * configured number of events, the state at the start of a recent turn is stored as a snapshot and
 * the tracker keeps only the events after it (a quarter of the limit, at least the last whole
 * turn). The event log itself stays complete for the history APIs.
 */
@ApplicationScoped
public class TrackerSnapshots {

  private static final Logger LOG = Logger.getLogger(TrackerSnapshots.class.getName());

  private int maxEvents;

  /** For CDI proxies. */
  protected TrackerSnapshots() {}

  /**
   * Snapshots trackers that hold more than {@code maxEvents} events.
   *
   * @param maxEvents the most events a tracker holds before it is compacted; 0 turns snapshots off
   */
  @Inject
  public TrackerSnapshots(
      @ConfigProperty(name = "parley.tracker.snapshot.events", defaultValue = "400")
          int maxEvents) {
    this.maxEvents = maxEvents;
  }

  /** Snapshots off (tests, tools). */
  public static TrackerSnapshots off() {
    return new TrackerSnapshots(0);
  }

  /**
   * The tracker to keep after a turn was stored: compacted, with its snapshot stored, when it has
   * grown past the limit; otherwise (or if storing the snapshot fails) the tracker itself.
   */
  public Tracker afterTurn(Tracker tracker, TrackerStore store) {
    if (maxEvents <= 0) {
      return tracker;
    }
    return tracker
        .compacted(maxEvents, Math.max(1, maxEvents / 4))
        .map(
            compacted -> {
              try {
                store.saveSnapshot(compacted.key(), compacted.baseSequence(), compacted.snapshot());
                return compacted;
              } catch (RuntimeException e) {
                LOG.warning(
                    () ->
                        "a conversation's snapshot was not stored ("
                            + e.getClass().getSimpleName()
                            + "); it stays whole in memory");
                return tracker;
              }
            })
        .orElse(tracker);
  }
}
