package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.ChannelSocket;
import dev.parley.plugin.channel.SocketListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Engine.IO session over HTTP long-polling, kept in memory under its sid: the packets waiting
 * for the client's next GET, the client's POSTed packets handed to the connection in order, and the
 * upgrade to a WebSocket, after which the packets go over the WebSocket. It is the {@link
 * ChannelSocket} of its connection, so the connection does not know which transport it runs on. A
 * waiting GET is a future that the next packet, the upgrade, the close or a timer completes: no
 * thread waits with it.
 */
final class PollingSession implements ChannelSocket {

  /** The Engine.IO noop packet, which answers a poll that has nothing to carry. */
  static final String NOOP = "6";

  /** The Engine.IO close packet. */
  static final String CLOSE = "1";

  private final String id;
  private final long pollMillis;
  private final ScheduledExecutorService timer;
  private final Runnable onClosed;
  private final ReentrantLock lock = new ReentrantLock();
  private final Object inbound = new Object();
  private final Deque<String> queue = new ArrayDeque<>();
  private Optional<SocketListener> listener = Optional.empty();
  private Optional<ChannelSocket> websocket = Optional.empty();
  private Optional<CompletableFuture<String>> waiting = Optional.empty();
  private Optional<ScheduledFuture<?>> expiry = Optional.empty();
  private boolean probing;
  private boolean closed;

  /**
   * @param id the Engine.IO session id
   * @param pollMillis how long a GET waits for packets before it is answered with a noop
   * @param timer ends the GETs that waited {@code pollMillis}
   * @param onClosed runs once when the session closes (e.g. forgets it)
   */
  PollingSession(String id, long pollMillis, ScheduledExecutorService timer, Runnable onClosed) {
    this.id = id;
    this.pollMillis = pollMillis;
    this.timer = timer;
    this.onClosed = onClosed;
  }

  /** Hands the client's packets to {@code listener} from now on. */
  void attach(SocketListener listener) {
    lock.lock();
    try {
      this.listener = Optional.of(listener);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void send(String text) {
    Optional<Runnable> answer = Optional.empty();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (websocket.isPresent()) {
        websocket.get().send(text);
      } else {
        queue.add(text);
        answer = releaseWaiting();
      }
    } finally {
      lock.unlock();
    }
    answer.ifPresent(Runnable::run);
  }

  @Override
  public boolean isOpen() {
    lock.lock();
    try {
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the session moved to a WebSocket. */
  boolean upgraded() {
    lock.lock();
    try {
      return websocket.isPresent();
    } finally {
      lock.unlock();
    }
  }

  /** The waiting packets as one payload, now (a noop when there are none). */
  String drain() {
    lock.lock();
    try {
      return takeAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * A GET: a stage that completes with the payload once packets are waiting, the session closes or
   * upgrades, or {@code pollMillis} passed (then with a noop); at once when one of them is already
   * the case. Cancelling the stage withdraws the GET and leaves the packets for the next one. Empty
   * when another GET is already waiting (not allowed).
   */
  Optional<CompletableFuture<String>> poll() {
    lock.lock();
    try {
      if (waiting.isPresent()) {
        return Optional.empty();
      }
      if (!queue.isEmpty() || closed || probing || websocket.isPresent()) {
        return Optional.of(CompletableFuture.completedFuture(takeAll()));
      }
      CompletableFuture<String> poll = new CompletableFuture<>();
      try {
        expiry = Optional.of(timer.schedule(() -> expire(poll), pollMillis, TimeUnit.MILLISECONDS));
      } catch (RejectedExecutionException channelClosed) {
        return Optional.of(CompletableFuture.completedFuture(takeAll()));
      }
      waiting = Optional.of(poll);
      poll.whenComplete(
          (payload, failure) -> {
            if (poll.isCancelled()) {
              withdraw(poll);
            }
          });
      return Optional.of(poll);
    } finally {
      lock.unlock();
    }
  }

  /** Whether a GET is waiting. */
  boolean hasWaitingPoll() {
    lock.lock();
    try {
      return waiting.isPresent();
    } finally {
      lock.unlock();
    }
  }

  private void expire(CompletableFuture<String> poll) {
    Optional<Runnable> answer = Optional.empty();
    lock.lock();
    try {
      if (waiting.equals(Optional.of(poll))) {
        answer = releaseWaiting();
      }
    } finally {
      lock.unlock();
    }
    answer.ifPresent(Runnable::run);
  }

  private void withdraw(CompletableFuture<String> poll) {
    lock.lock();
    try {
      if (waiting.equals(Optional.of(poll))) {
        forgetWaiting();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Under the lock: takes the waiting packets for the waiting GET, if there is one, and returns
   * what answers it, to be run once the lock is released (so that what the answer sets off does not
   * run under it).
   */
  private Optional<Runnable> releaseWaiting() {
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    CompletableFuture<String> poll = waiting.get();
    String payload = takeAll();
    forgetWaiting();
    return Optional.of(() -> poll.complete(payload));
  }

  private void forgetWaiting() {
    waiting = Optional.empty();
    expiry.ifPresent(timeout -> timeout.cancel(false));
    expiry = Optional.empty();
  }

  /**
   * The client's packets (of a POST, or a frame of the upgraded WebSocket): hands each to the
   * connection, one at a time and in order.
   */
  void receive(List<String> packets) {
    synchronized (inbound) {
      packets.forEach(this::deliver);
    }
  }

  private void deliver(String packet) {
    Optional<SocketListener> target;
    lock.lock();
    try {
      target = closed ? Optional.empty() : listener;
    } finally {
      lock.unlock();
    }
    target.ifPresent(l -> l.onText(packet));
  }

  /** The client probed a WebSocket: a waiting GET is answered now so that polling can pause. */
  void probe() {
    Optional<Runnable> answer;
    lock.lock();
    try {
      probing = true;
      answer = releaseWaiting();
    } finally {
      lock.unlock();
    }
    answer.ifPresent(Runnable::run);
  }

  /** The probing WebSocket closed before the upgrade: polling goes on. */
  void abandonProbe() {
    lock.lock();
    try {
      probing = false;
    } finally {
      lock.unlock();
    }
  }

  /** The client upgraded: the waiting packets and all later ones go over {@code socket}. */
  void upgrade(ChannelSocket socket) {
    Optional<Runnable> answer;
    lock.lock();
    try {
      if (closed) {
        socket.close();
        return;
      }
      queue.forEach(socket::send);
      queue.clear();
      websocket = Optional.of(socket);
      probing = false;
      answer = releaseWaiting();
    } finally {
      lock.unlock();
    }
    answer.ifPresent(Runnable::run);
  }

  @Override
  public void close() {
    Optional<SocketListener> ended;
    Optional<Runnable> answer;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (websocket.isPresent()) {
        if (websocket.get().isOpen()) {
          websocket.get().close();
        }
      } else {
        queue.add(CLOSE);
      }
      ended = listener;
      answer = releaseWaiting();
    } finally {
      lock.unlock();
    }
    answer.ifPresent(Runnable::run);
    onClosed.run();
    ended.ifPresent(SocketListener::onClose);
  }

  private String takeAll() {
    if (queue.isEmpty()) {
      return NOOP;
    }
    List<String> packets = new ArrayList<>(queue);
    queue.clear();
    return PollingPayload.encode(packets);
  }
}
