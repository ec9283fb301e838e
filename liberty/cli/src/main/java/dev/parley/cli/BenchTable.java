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
              NluBenchmark.percent(parley.get("accuracy")),
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
