package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.ChannelSocket;
import dev.parley.plugin.channel.SocketListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Engine.IO session over HTTP long-polling, kept in memory under its sid: the packets waiting
 * for the client's next GET, the client's POSTed packets handed to the connection in order, and the
 * upgrade to a WebSocket, after which the packets go over the WebSocket. It is the {@link
 * ChannelSocket} of its connection, so the connection does not know which transport it runs on.
 */
final class PollingSession implements ChannelSocket {

  /** The Engine.IO noop packet, which answers a poll that has nothing to carry. */
  static final String NOOP = "6";

  /** The Engine.IO close packet. */
  static final String CLOSE = "1";

  private final String id;
  private final long pollMillis;
  private final Runnable onClosed;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Object inbound = new Object();
  private final Deque<String> queue = new ArrayDeque<>();
  private Optional<SocketListener> listener = Optional.empty();
  private Optional<ChannelSocket> websocket = Optional.empty();
  private boolean polling;
  private boolean probing;
  private boolean closed;

  /**
   * @param id the Engine.IO session id
   * @param pollMillis how long a GET waits for packets before it is answered with a noop
   * @param onClosed runs once when the session closes (e.g. forgets it)
   */
  PollingSession(String id, long pollMillis, Runnable onClosed) {
    this.id = id;
    this.pollMillis = pollMillis;
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
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (websocket.isPresent()) {
        websocket.get().send(text);
      } else {
        queue.add(text);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
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
   * A GET: waits until packets are waiting, the session closes or upgrades, or {@code pollMillis}
   * passed, and returns the payload. Empty when another GET is already waiting (not allowed).
   */
  Optional<String> poll() {
    lock.lock();
    try {
      if (polling) {
        return Optional.empty();
      }
      polling = true;
      long left = TimeUnit.MILLISECONDS.toNanos(pollMillis);
      while (queue.isEmpty() && !closed && !probing && websocket.isEmpty() && left > 0) {
        left = changed.awaitNanos(left);
      }
      return Optional.of(takeAll());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(takeAll());
    } finally {
      polling = false;
      lock.unlock();
    }
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
    lock.lock();
    try {
      probing = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
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
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    Optional<SocketListener> ended;
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
      changed.signalAll();
    } finally {
      lock.unlock();
    }
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
