package dev.parley.core.ops;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotService;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.cluster.KeyOwners;
import dev.parley.core.config.NluRoleSettings;
import dev.parley.core.tenant.BotRepository;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationRepository;
import dev.parley.core.tracker.TrackerCache;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Warms the JIT up before the server reports ready (PARLEY_WARMUP_SECONDS, default 120; 0 turns it
 * off): a few threads replay each bot's own stories and examples through this server's HTTP port
 * until the JIT compilers have settled or the time is up, so the first users meet compiled code. A
 * bot is warmed as far as stays inside the server ({@link WarmUpTarget}); replays vary the messages
 * so that they are parsed, not answered from the parse cache ({@link WarmUpScripts#unseen}); its
 * warm-up conversations are erased afterwards, and its requests stay out of the turn log and every
 * metric ({@link WarmUpRequests}). Whatever goes wrong, the server becomes ready: the warm-up only
 * ever costs time.
 */
@ApplicationScoped
public class WarmUp {

  private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

  /** The JIT counts as settled below this share of compilation per wall time. */
  static final double QUIET_COMPILATION_SHARE = 0.05;

  /** The warm-up runs at least this long before a settled JIT ends it. */
  static final long MIN_MILLIS = 5_000;

  /** How long the warm-up waits for its own port to answer. */
  static final long PORT_WAIT_MILLIS = 60_000;

  @Resource private ManagedExecutorService executor;

  private long seconds;
  private URI base;
  private BotCatalog catalog;
  private BotRepository bots;
  private ConversationRepository conversations;
  private KeyOwners owners;
  private WarmUpPass pass;
  private NluRoleSettings role;

  /** For CDI proxies. */
  protected WarmUp() {}

  /** Wires the collaborators and reads the settings. */
  @Inject
  public WarmUp(
      @ConfigProperty(name = "parley.warmup.seconds", defaultValue = "120") long seconds,
      @ConfigProperty(name = "parley.http.port", defaultValue = "9080") int port,
      @ConfigProperty(name = "parley.http.host", defaultValue = "*") String host,
      BotCatalog catalog,
      BotRepository bots,
      ConversationRepository conversations,
      KeyOwners owners,
      WarmUpPass pass,
      NluRoleSettings role) {
    this.seconds = seconds;
    this.base = URI.create("http://" + loopbackOr(host) + ":" + port);
    this.catalog = catalog;
    this.bots = bots;
    this.conversations = conversations;
    this.owners = owners;
    this.pass = pass;
    this.role = role;
  }

  /**
   * Starts the warm-up in the background, then runs {@code whenDone} (at once when there is nothing
   * to warm up).
   */
  public void start(Runnable whenDone) {
    if (seconds <= 0 || role.nluOnly() || catalog.all().isEmpty()) {
      pass.close();
      whenDone.run();
      return;
    }
    executor.submit(
        () -> {
          try {
            run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "JIT warm-up failed; the server starts without it", e);
          } finally {
            pass.close();
            whenDone.run();
          }
        });
  }

  private void run() {
    List<WarmUpTarget> targets = targets();
    if (targets.isEmpty()) {
      LOG.info("JIT warm-up skipped: no bot can be warmed up without calls outside the server");
      return;
    }
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    try (WarmUpClient traffic = new WarmUpClient(base, pass.key().orElseThrow(), threads)) {
      if (!awaitPort(traffic)) {
        LOG.warning(() -> "JIT warm-up skipped: " + base + " did not answer");
        return;
      }
      drive(targets, traffic, threads);
    }
  }

  private List<WarmUpTarget> targets() {
    List<WarmUpTarget> targets = new ArrayList<>();
    for (LoadedBot loaded : catalog.all()) {
      String tenant = loaded.model().tenant();
      String bot = loaded.model().bot();
      Optional<WarmUpTarget.Kind> kind = WarmUpTarget.kindFor(loaded.model());
      if (kind.isEmpty()) {
        continue;
      }
      bots.activeVersion(tenant, bot)
          .map(BotService::projectFiles)
          .map(files -> WarmUpScripts.of(new BotProjectParser().parse(files), tenant.hashCode()))
          .filter(scripts -> !scripts.isEmpty())
          .ifPresent(scripts -> targets.add(new WarmUpTarget(tenant, bot, kind.get(), scripts)));
    }
    return targets;
  }

  private boolean awaitPort(WarmUpClient traffic) {
    long giveUp = System.currentTimeMillis() + PORT_WAIT_MILLIS;
    while (System.currentTimeMillis() < giveUp) {
      if (traffic.answers()) {
        return true;
      }
      if (!pause(200)) {
        return false;
      }
    }
    return false;
  }

  private void drive(List<WarmUpTarget> targets, WarmUpClient traffic, int threads) {
    long started = System.currentTimeMillis();
    long deadline = started + TimeUnit.SECONDS.toMillis(seconds);
    JitActivity jit = new JitActivity(QUIET_COMPILATION_SHARE);
    long compiledBefore = jit.totalMillis();
    Workers workers = new Workers(targets, traffic);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      running.add(executor.submit(workers::work));
    }
    String why = "time limit";
    while (System.currentTimeMillis() < deadline) {
      jit.sample();
      if (System.currentTimeMillis() - started >= MIN_MILLIS && jit.quiet()) {
        why = "JIT settled";
        break;
      }
      if (workers.failing()) {
        why = "requests failing (" + workers.firstFailure.get() + ")";
        break;
      }
      if (!pause(1000)) {
        why = "interrupted";
        break;
      }
    }
    workers.stop.set(true);
    running.forEach(WarmUp::awaitQuietly);
    long warmMillis = System.currentTimeMillis() - started;
    int erased = conversations.deleteAll(workers.started);
    String reason = why;
    LOG.info(
        () ->
            String.format(
                "JIT warm-up: %d messages to %d bot(s) in %.1f s (%s); the JIT compiled for %.1f s;"
                    + " %d warm-up conversations erased in %d ms",
                workers.sent.get(),
                targets.size(),
                warmMillis / 1000.0,
                reason,
                (jit.totalMillis() - compiledBefore) / 1000.0,
                erased,
                System.currentTimeMillis() - started - warmMillis));
  }

  /** The warm-up's request threads, sharing one plan. */
  private final class Workers {

    private final List<WarmUpTarget> targets;
    private final WarmUpClient traffic;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<String> firstFailure =
        new java.util.concurrent.atomic.AtomicReference<>("");
    private final Queue<ConversationKey> started = new ConcurrentLinkedQueue<>();

    Workers(List<WarmUpTarget> targets, WarmUpClient traffic) {
      this.targets = targets;
      this.traffic = traffic;
    }

    void work() {
      while (!stop.get() && !failing()) {
        long n = next.getAndIncrement();
        WarmUpTarget target = targets.get((int) (n % targets.size()));
        List<String> script =
            target
                .conversations()
                .get((int) ((n / targets.size()) % target.conversations().size()));
        String sender = pass.sender(n);
        ConversationKey key = new ConversationKey(target.tenant(), target.bot(), sender);
        if (target.kind() == WarmUpTarget.Kind.TURNS) {
          if (!owners.ownsHere(TrackerCache.name(key))) {
            continue;
          }
          started.add(key);
        }
        boolean replay = n >= (long) targets.size() * target.conversations().size();
        for (String text : script) {
          if (stop.get()) {
            return;
          }
          send(
              target,
              sender,
              replay ? WarmUpScripts.unseen(text, ThreadLocalRandom.current()) : text);
        }
      }
    }

    private void send(WarmUpTarget target, String sender, String text) {
      String failure;
      try {
        if (traffic.send(target, sender, text)) {
          sent.incrementAndGet();
          return;
        }
        failure = "HTTP status not 2xx from " + target.path();
      } catch (IOException e) {
        failure = e.toString();
      }
      failed.incrementAndGet();
      firstFailure.compareAndSet("", failure);
    }

    /** Whether most messages fail (a bot removed meanwhile, say): the warm-up is pointless. */
    boolean failing() {
      long failures = failed.get();
      return failures >= 20 && failures > sent.get();
    }
  }

  private static void awaitQuietly(Future<?> worker) {
    try {
      worker.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(Level.FINE, "a warm-up thread ended badly", e);
    }
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Where this server answers on its own machine: loopback unless bound to one address. */
  static String loopbackOr(String host) {
    boolean anyAddress =
        host.isBlank() || host.equals("*") || host.equals("0.0.0.0") || host.equals("::");
    return anyAddress ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
  }
}
