package dev.parley.core.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.fork.ForkChannel;

/**
 * Passes a request to the member that owns a key and waits for its answer, over the cluster's own
 * JGroups connections (a fork of Infinispan's channel) rather than over HTTP: no HTTP request to
 * parse twice, no connection pool. The receiver confirms a request the moment it takes it, before
 * any work, so the sender can tell a request that never arrived (the owner left before confirming:
 * {@link Forwarded.Unreachable}, the sender may handle it itself) from one that arrived and got no
 * answer ({@link Forwarded.NoAnswer}: the owner may have handled it). Requests are sent out of
 * band, so one member's requests are handled side by side, each on the executor the receiver names,
 * never on a JGroups thread.
 */
@ApplicationScoped
public class MemberRequests {

  private static final Logger LOG = Logger.getLogger(MemberRequests.class.getName());
  private static final String FORK_STACK = "parley";
  private static final String FORK_CHANNEL = "member-requests";

  private static final byte REQUEST = 1;
  private static final byte TAKEN = 2;
  private static final byte ANSWER = 3;
  private static final byte NOT_SERVED = 4;
  private static final int HEADER_BYTES = 1 + Long.BYTES;

  /** Answers requests from other members. */
  @FunctionalInterface
  public interface Handler {
    /**
     * The answer to one request.
     *
     * @param request the request's bytes as the sender passed them
     */
    Forwarded.Answered answer(byte[] request);
  }

  private record Serving(Handler handler, Executor executor) {}

  private record Pending(
      Address target, CompletableFuture<Forwarded> result, AtomicBoolean taken) {}

  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private KeyOwners owners;
  private long answerMillis;
  private Optional<ForkChannel> channel = Optional.empty();
  private volatile Optional<Serving> serving = Optional.empty();

  /** For CDI proxies; as an instance, reaches no member. */
  protected MemberRequests() {}

  /** Requests that reach no member: a server outside a cluster, tests. */
  public static MemberRequests none() {
    return new MemberRequests();
  }

  /**
   * Opens the fork channel on this server's cluster channel, if it is a cluster member; answers
   * come within {@code parley.cluster.forward.timeout.ms} or count as not given.
   */
  @Inject
  public MemberRequests(
      CacheNode node,
      KeyOwners owners,
      @ConfigProperty(name = "parley.cluster.forward.timeout.ms", defaultValue = "30000")
          long answerMillis) {
    this.owners = owners;
    this.answerMillis = answerMillis;
    Optional<JChannel> main = node.jgroupsChannel();
    if (main.isPresent()) {
      channel = Optional.of(open(main.get()));
    }
  }

  private ForkChannel open(JChannel main) {
    try {
      ForkChannel fork = new ForkChannel(main, FORK_STACK, FORK_CHANNEL);
      fork.setReceiver(new Inbox());
      fork.connect(FORK_CHANNEL);
      return fork;
    } catch (Exception e) {
      throw new IllegalStateException("cannot open the member request channel", e);
    }
  }

  /** Whether requests can go to other members (this server is a cluster member). */
  public boolean available() {
    return channel.isPresent();
  }

  /**
   * Starts answering other members' requests: each runs {@code handler} on {@code executor}. Until
   * then, a request is turned away as not delivered.
   */
  public void serve(Handler handler, Executor executor) {
    serving = Optional.of(new Serving(handler, executor));
  }

  /**
   * Sends the request to the member that owns {@code key} and waits for the answer; {@link
   * Forwarded.Unreachable} when no other member owns it (any more) or the owner never took it.
   */
  public Forwarded sendToOwner(String key, byte[] request) {
    if (channel.isEmpty()) {
      return new Forwarded.Unreachable("this server is not a cluster member");
    }
    Optional<Address> owner = owners.remoteOwnerAddress(key).map(MemberRequests::jgroups);
    if (owner.isEmpty()) {
      return new Forwarded.Unreachable("the key is owned here now");
    }
    return send(channel.get(), owner.get(), request);
  }

  private Forwarded send(ForkChannel fork, Address target, byte[] request) {
    long id = ids.incrementAndGet();
    Pending waiting = new Pending(target, new CompletableFuture<>(), new AtomicBoolean());
    pending.put(id, waiting);
    try {
      View view = fork.getView();
      if (view == null || !view.containsMember(target)) {
        return new Forwarded.Unreachable(target + " is not a member");
      }
      fork.send(message(target, REQUEST, id, request));
      return waiting.result().get(answerMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      return new Forwarded.NoAnswer("no answer within " + answerMillis + " ms");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Forwarded.NoAnswer("interrupted");
    } catch (ExecutionException e) {
      return new Forwarded.NoAnswer(String.valueOf(e.getCause()));
    } catch (Exception notSent) {
      return new Forwarded.Unreachable("not sent: " + notSent);
    } finally {
      pending.remove(id);
    }
  }

  private static Message message(Address target, byte kind, long id, byte[] payload) {
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    buffer.put(kind).putLong(id).put(payload);
    Message message = new BytesMessage(target, buffer.array());
    message.setFlag(Message.Flag.OOB);
    return message;
  }

  private static Address jgroups(org.infinispan.remoting.transport.Address member) {
    return org.infinispan.remoting.transport.Address.toExtendedUUID(member);
  }

  /** Stops answering and sending; waiting senders get no answer. */
  @PreDestroy
  void close() {
    serving = Optional.empty();
    pending.values().forEach(waiting -> waiting.result().complete(noAnswer("this server stops")));
    channel.ifPresent(
        fork -> {
          try {
            fork.close();
          } catch (RuntimeException alreadyClosed) {
            LOG.log(Level.FINE, "the member request channel was closed already", alreadyClosed);
          }
        });
  }

  private static Forwarded.NoAnswer noAnswer(String reason) {
    return new Forwarded.NoAnswer(reason);
  }

  /** What arrives on the fork channel: requests to answer, and the answers to this member's. */
  private final class Inbox implements Receiver {

    @Override
    public void receive(Message message) {
      ByteBuffer buffer =
          ByteBuffer.wrap(message.getArray(), message.getOffset(), message.getLength());
      byte kind = buffer.get();
      long id = buffer.getLong();
      byte[] payload = new byte[buffer.remaining()];
      buffer.get(payload);
      switch (kind) {
        case REQUEST -> take(message.getSrc(), id, payload);
        case TAKEN -> whenWaiting(id, waiting -> waiting.taken().set(true));
        case ANSWER -> whenWaiting(id, waiting -> waiting.result().complete(Answers.read(payload)));
        case NOT_SERVED ->
            whenWaiting(
                id,
                waiting ->
                    waiting
                        .result()
                        .complete(new Forwarded.Unreachable("the owner does not serve yet")));
        default -> LOG.warning(() -> "unknown member message kind " + kind + " ignored");
      }
    }

    @Override
    public void viewAccepted(View view) {
      pending.values().stream()
          .filter(waiting -> !view.containsMember(waiting.target()))
          .forEach(
              waiting ->
                  waiting
                      .result()
                      .complete(
                          waiting.taken().get()
                              ? new Forwarded.NoAnswer(waiting.target() + " left after taking it")
                              : new Forwarded.Unreachable(
                                  waiting.target() + " left before taking it")));
    }

    private void whenWaiting(long id, java.util.function.Consumer<Pending> action) {
      Pending waiting = pending.get(id);
      if (waiting != null) {
        action.accept(waiting);
      }
    }

    private void take(Address sender, long id, byte[] request) {
      Optional<Serving> current = serving;
      if (current.isEmpty()) {
        reply(sender, NOT_SERVED, id, new byte[0]);
        return;
      }
      reply(sender, TAKEN, id, new byte[0]);
      try {
        current
            .get()
            .executor()
            .execute(
                () -> reply(sender, ANSWER, id, Answers.write(answer(current.get(), request))));
      } catch (RejectedExecutionException full) {
        reply(sender, ANSWER, id, Answers.write(Answers.busy()));
      }
    }

    private Forwarded.Answered answer(Serving current, byte[] request) {
      try {
        return current.handler().answer(request);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "a request from another member failed", e);
        return Answers.failed();
      }
    }

    private void reply(Address target, byte kind, long id, byte[] payload) {
      try {
        channel.orElseThrow().send(message(target, kind, id, payload));
      } catch (Exception e) {
        LOG.log(Level.WARNING, "cannot answer member " + target, e);
      }
    }
  }

  /** The wire form of an answer: status, content type, body. */
  static final class Answers {

    private Answers() {}

    static byte[] write(Forwarded.Answered answer) {
      byte[] type = answer.contentType().getBytes(StandardCharsets.UTF_8);
      ByteBuffer buffer =
          ByteBuffer.allocate(Integer.BYTES * 2 + type.length + answer.body().length);
      buffer.putInt(answer.status()).putInt(type.length).put(type).put(answer.body());
      return buffer.array();
    }

    static Forwarded read(byte[] bytes) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      int status = buffer.getInt();
      byte[] type = new byte[buffer.getInt()];
      buffer.get(type);
      byte[] body = new byte[buffer.remaining()];
      buffer.get(body);
      return new Forwarded.Answered(status, new String(type, StandardCharsets.UTF_8), body);
    }

    static Forwarded.Answered busy() {
      return error(503, "member_busy", "the server that holds this conversation is overloaded");
    }

    static Forwarded.Answered failed() {
      return error(500, "internal_error", "the server that holds this conversation failed");
    }

    private static Forwarded.Answered error(int status, String code, String message) {
      String json = "{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}";
      return new Forwarded.Answered(
          status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }
}
