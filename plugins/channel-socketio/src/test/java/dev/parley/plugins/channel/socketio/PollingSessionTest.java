package dev.parley.plugins.channel.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A long-polling GET as a future: what completes it, and what it leaves behind. */
class PollingSessionTest {

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final AtomicInteger closings = new AtomicInteger();

  PollingSessionTest() {
    timer.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private PollingSession session(long pollMillis) {
    return new PollingSession("sid", pollMillis, timer, closings::incrementAndGet);
  }

  @Test
  void aWaitingPollCompletesWhenAPacketIsSent() throws Exception {
    PollingSession session = session(10_000);
    CompletableFuture<String> poll = session.poll().orElseThrow();
    assertFalse(poll.isDone(), "nothing to carry yet");
    assertTrue(session.hasWaitingPoll());

    session.send("42[\"bot_uttered\",{\"text\":\"Hello\"}]");

    assertEquals("42[\"bot_uttered\",{\"text\":\"Hello\"}]", poll.get(1, TimeUnit.SECONDS));
    assertFalse(session.hasWaitingPoll());
    assertEquals(0, timer.getQueue().size(), "its timeout is gone with it");
  }

  @Test
  void waitingPacketsAreBatchedWithTheRecordSeparator() throws Exception {
    PollingSession session = session(10_000);
    session.send("42[\"a\"]");
    session.send("431[]");
    assertEquals("42[\"a\"]\u001e431[]", session.poll().orElseThrow().get(1, TimeUnit.SECONDS));
  }

  @Test
  void aWaitingPollEndsWithANoopAtTheInterval() throws Exception {
    PollingSession session = session(150);
    long start = System.nanoTime();
    CompletableFuture<String> poll = session.poll().orElseThrow();
    assertEquals(PollingSession.NOOP, poll.get(2, TimeUnit.SECONDS));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(140));
    assertFalse(session.hasWaitingPoll());
    assertTrue(session.poll().isPresent(), "the next GET may wait");
  }

  @Test
  void aSecondConcurrentPollIsRefused() {
    PollingSession session = session(10_000);
    CompletableFuture<String> first = session.poll().orElseThrow();
    assertEquals(Optional.empty(), session.poll());
    assertFalse(first.isDone(), "the first one still waits");
  }

  @Test
  void closingAnswersTheWaitingPollWithTheClosePacketAndLeavesNothingBehind() throws Exception {
    PollingSession session = session(10_000);
    CompletableFuture<String> poll = session.poll().orElseThrow();
    session.close();
    assertEquals(PollingSession.CLOSE, poll.get(1, TimeUnit.SECONDS));
    assertFalse(session.hasWaitingPoll());
    assertEquals(0, timer.getQueue().size());
    assertEquals(1, closings.get());
  }

  @Test
  void aCancelledPollIsWithdrawnAndThePacketsWaitForTheNext() throws Exception {
    PollingSession session = session(10_000);
    CompletableFuture<String> poll = session.poll().orElseThrow();
    poll.cancel(false);
    assertFalse(session.hasWaitingPoll());
    assertEquals(0, timer.getQueue().size());

    session.send("42[\"later\"]");
    assertEquals("42[\"later\"]", session.poll().orElseThrow().get(1, TimeUnit.SECONDS));
  }

  @Test
  void theProbeAndTheUpgradeAnswerTheWaitingPollWithANoop() throws Exception {
    PollingSession session = session(10_000);
    CompletableFuture<String> poll = session.poll().orElseThrow();
    session.probe();
    assertEquals(PollingSession.NOOP, poll.get(1, TimeUnit.SECONDS));
    assertFalse(session.hasWaitingPoll());
  }
}
