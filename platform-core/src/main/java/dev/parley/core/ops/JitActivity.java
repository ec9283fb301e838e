package dev.parley.core.ops;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether the JIT compilers have settled: the compilation time the JVM reports, sampled once a
 * second; quiet when, over the last few samples, they compiled for less than a small share of the
 * wall time. Not thread-safe: one caller samples.
 */
final class JitActivity {

  /** Samples a window spans. */
  static final int WINDOW = 3;

  private final CompilationMXBean compiler;
  private final double quietShare;
  private final Deque<long[]> samples = new ArrayDeque<>();

  /**
   * @param quietShare the compilation time per wall time under which the JIT counts as quiet
   */
  JitActivity(double quietShare) {
    this.compiler = ManagementFactory.getCompilationMXBean();
    this.quietShare = quietShare;
  }

  /** Whether this JVM reports compilation time (HotSpot does); if not, it is never quiet. */
  boolean measurable() {
    return compiler != null && compiler.isCompilationTimeMonitoringSupported();
  }

  /** Takes a sample: call about once a second. */
  void sample() {
    if (!measurable()) {
      return;
    }
    samples.addLast(new long[] {System.nanoTime(), compiler.getTotalCompilationTime()});
    if (samples.size() > WINDOW + 1) {
      samples.removeFirst();
    }
  }

  /** Whether the last window's compilation share is under the quiet share. */
  boolean quiet() {
    if (samples.size() <= WINDOW) {
      return false;
    }
    long wallMillis = (samples.getLast()[0] - samples.getFirst()[0]) / 1_000_000;
    long compileMillis = samples.getLast()[1] - samples.getFirst()[1];
    return wallMillis > 0 && compileMillis < quietShare * wallMillis;
  }

  /** The JVM's total compilation time so far, in milliseconds (0 when not reported). */
  long totalMillis() {
    return measurable() ? compiler.getTotalCompilationTime() : 0;
  }
}
