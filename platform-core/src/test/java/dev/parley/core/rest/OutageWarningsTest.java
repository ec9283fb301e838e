package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OutageWarningsTest {

  private final List<String> lines = new ArrayList<>();
  private final AtomicLong now = new AtomicLong(5_000_000_000L);

  private OutageWarnings warnings() {
    Logger log = Logger.getAnonymousLogger();
    log.setUseParentHandlers(false);
    log.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    return new OutageWarnings(log, Duration.ofSeconds(10), now::get);
  }

  @Test
  void logsTheFirstRefusalThenOneLinePerIntervalWithTheCountOfTheOthers() {
    OutageWarnings warnings = warnings();
    warnings.refused("the database is unavailable", null);
    for (int i = 0; i < 250; i++) {
      now.addAndGet(Duration.ofMillis(20).toNanos());
      warnings.refused("the database is unavailable", null);
    }
    assertEquals(List.of("the database is unavailable"), lines, "5 s of refusals: one line");

    now.addAndGet(Duration.ofSeconds(5).toNanos());
    warnings.refused("the database has not confirmed a write for 12 s", null);
    assertEquals(
        "the database has not confirmed a write for 12 s (250 more refused since the last such"
            + " line)",
        lines.get(1));

    now.addAndGet(Duration.ofSeconds(11).toNanos());
    warnings.refused("the database is unavailable", null);
    assertEquals("the database is unavailable", lines.get(2), "none in between: no count");
  }
}
