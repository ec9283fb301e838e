package dev.parley.core;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * A MicroProfile metric registry for tests that remembers, per metric name (all tags together), how
 * many counts its counters got and how many samples its timers got.
 */
public final class RecordingMetrics {

  private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
  private final MetricRegistry registry =
      (MetricRegistry)
          Proxy.newProxyInstance(
              MetricRegistry.class.getClassLoader(),
              new Class<?>[] {MetricRegistry.class},
              (proxy, method, args) -> {
                if (method.getReturnType() == Counter.class) {
                  return counter(totalOf(nameOf(args[0])));
                }
                if (method.getReturnType() == Timer.class) {
                  return timer(totalOf(nameOf(args[0])));
                }
                return objectMethod(proxy, method.getName(), args);
              });

  /** The registry to hand to the code under test. */
  public MetricRegistry registry() {
    return registry;
  }

  /** The counts (or timer samples) recorded under a metric name; 0 when never recorded. */
  public long total(String name) {
    AtomicLong total = totals.get(name);
    return total == null ? 0 : total.get();
  }

  /** Every metric name recorded with a count above 0. */
  public Map<String, Long> nonZero() {
    Map<String, Long> seen = new java.util.TreeMap<>();
    totals.forEach(
        (name, total) -> {
          if (total.get() > 0) {
            seen.put(name, total.get());
          }
        });
    return seen;
  }

  private AtomicLong totalOf(String name) {
    return totals.computeIfAbsent(name, n -> new AtomicLong());
  }

  private static String nameOf(Object first) {
    if (first instanceof MetricID id) {
      return id.getName();
    }
    if (first instanceof Metadata metadata) {
      return metadata.getName();
    }
    return (String) first;
  }

  /** Object's methods on a proxy; null for any other method. */
  private static Object objectMethod(Object proxy, String method, Object[] args) {
    return switch (method) {
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "recording metric";
      default -> null;
    };
  }

  private static Counter counter(AtomicLong total) {
    return (Counter)
        Proxy.newProxyInstance(
            Counter.class.getClassLoader(),
            new Class<?>[] {Counter.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "inc" -> {
                    total.addAndGet(args == null ? 1 : (Long) args[0]);
                    yield null;
                  }
                  case "getCount" -> total.get();
                  default -> objectMethod(proxy, method.getName(), args);
                });
  }

  private static Timer timer(AtomicLong total) {
    return (Timer)
        Proxy.newProxyInstance(
            Timer.class.getClassLoader(),
            new Class<?>[] {Timer.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "update" -> {
                    total.incrementAndGet();
                    yield null;
                  }
                  case "getCount" -> total.get();
                  default -> objectMethod(proxy, method.getName(), args);
                });
  }
}
