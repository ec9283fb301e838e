package dev.parley.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's side-by-side table, in Markdown. */
final class BenchTable {

  private BenchTable() {}

  static String render(List<Map<String, Object>> rows, String config) {
    StringBuilder out = new StringBuilder();
    out.append("\nPipeline (config.yml):\n");
    config.lines().forEach(line -> out.append("    ").append(line).append('\n'));
    out.append('\n');
    out.append(
        "| data set | system | train s | intent acc % | macro-F1 % | entity F1 % |"
            + " in-process parses/s | in-process p50 / p99 ms | server parses/s |"
            + " server p50 / p99 ms | of which server work p50 / p99 ms |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> row : rows) {
      String set = String.valueOf(row.get("set"));
      Map<?, ?> parley = (Map<?, ?>) row.get("parley");
      Map<?, ?> inProcess = (Map<?, ?>) parley.get("in_process");
      Map<?, ?> server = (Map<?, ?>) parley.get("server");
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | Parley | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              set,
              number(parley.get("train_s"), "%.1f"),
              NluBenchmark.percent(
                  parley.containsKey("argmax_accuracy")
                      ? parley.get("argmax_accuracy")
                      : parley.get("accuracy")),
              NluBenchmark.percent(parley.get("macro_f1")),
              NluBenchmark.percent(parley.get("entity_f1")),
              number(inProcess.get("throughput_per_s"), "%.0f"),
              pair(inProcess),
              server == null ? "—" : number(server.get("throughput_per_s"), "%.0f"),
              server == null ? "—" : pair(server),
              server == null ? "—" : serverWork(server)));
      Map<?, ?> peer = (Map<?, ?>) row.get("nlpjs");
      if (peer != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | NLP.js | %s | %s (%s at 0.5) | %s | — | %s | %s | — | — | — |%n",
                set,
                number(peer.get("train_s"), "%.1f"),
                NluBenchmark.percent(peer.get("accuracy")),
                NluBenchmark.percent(peer.get("accuracy_threshold")),
                NluBenchmark.percent(peer.get("macro_f1")),
                number(peer.get("throughput_per_s"), "%.0f"),
                pair(peer)));
      }
    }
    out.append(confidence(rows));
    return out.toString();
  }

  /** The second table: what the threshold and the calibration make of the same answers. */
  static String confidence(List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        "\n| data set | argmax acc % | threshold | acc at threshold % | acc at 0.7 % | coverage % |"
            + " precision % | ECE | OOS recall % | noisy argmax acc % | noisy acc at threshold %"
            + " | train s | parse p50 ms |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> row : rows) {
      Map<?, ?> p = (Map<?, ?>) row.get("parley");
      Map<?, ?> inProcess = (Map<?, ?>) p.get("in_process");
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              row.get("set"),
              NluBenchmark.percent(p.get("argmax_accuracy")),
              number(p.get("threshold"), "%.3f"),
              NluBenchmark.percent(p.get("served_accuracy")),
              NluBenchmark.percent(p.get("accuracy_at_0_7")),
              NluBenchmark.percent(p.get("coverage")),
              NluBenchmark.percent(p.get("answered_precision")),
              number(p.get("ece"), "%.3f"),
              NluBenchmark.percent(p.get("oos_recall")),
              NluBenchmark.percent(p.get("noisy_argmax_accuracy")),
              NluBenchmark.percent(p.get("noisy_served_accuracy")),
              number(p.get("train_s"), "%.1f"),
              number(inProcess.get("p50_ms"), "%.3f")));
      Map<?, ?> peer = (Map<?, ?>) row.get("nlpjs");
      if (peer != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s (NLP.js) | %s | 0.5 | %s | — | — | — | — | %s | — | — | %s | %s |%n",
                row.get("set"),
                NluBenchmark.percent(peer.get("accuracy")),
                NluBenchmark.percent(peer.get("accuracy_threshold")),
                NluBenchmark.percent(peer.get("oos_recall")),
                number(peer.get("train_s"), "%.1f"),
                number(peer.get("p50_ms"), "%.3f")));
      }
    }
    return out.toString();
  }

  private static String serverWork(Map<?, ?> server) {
    return number(server.get("server_side_p50_ms"), "%.3f")
        + " / "
        + number(server.get("server_side_p99_ms"), "%.3f");
  }

  private static String pair(Map<?, ?> figures) {
    return number(figures.get("p50_ms"), "%.3f") + " / " + number(figures.get("p99_ms"), "%.3f");
  }

  private static String number(Object value, String format) {
    return value instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : "—";
  }
}
