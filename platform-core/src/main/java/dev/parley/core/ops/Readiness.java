package dev.parley.core.ops;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether start-up has finished loading bots. */
@ApplicationScoped
public class Readiness {

  private volatile boolean ready;

  /** Marks the server ready. */
  public void markReady() {
    ready = true;
  }

  /** Whether bots are loaded. */
  public boolean isReady() {
    return ready;
  }
}
