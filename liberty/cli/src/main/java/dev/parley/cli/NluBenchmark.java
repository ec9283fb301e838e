package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.nlu.eval.JsonlProject;
import dev.parley.core.nlu.eval.LabelledData;
import dev.parley.core.nlu.eval.NluEvaluation;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NLU benchmark: for each shared data set, trains a bot on {@code train.jsonl} with the given
 * {@code config.yml}, evaluates it on {@code test.jsonl} with the evaluation report classes, and
 * measures parse throughput and latency in-process and, if a server is given, through {@code
 * /model/parse}; reads the NLP.js peer's results of the same splits and prints one table. Run by
 * {@code liberty/bench/nlu.sh}.
 *
 * <p>Options: {@code --config FILE} (required), {@code --datasets DIR}, {@code --sets a,b}, {@code
 * --threads N} (in-process throughput, default 2), {@code --seconds S} (default 3), {@code --server
 * URL} with {@code PARLEY_ADMIN_PASSWORD} in the environment, {@code --clients N} (server
 * throughput, default 4), {@code --nlpjs DIR} (the peer's results), {@code --out FILE} (JSON),
 * {@code --noise-seed N} (the seed of the noisy test split, default 2026; see {@link
 * ConfidenceFigures}).
 */
final class NluBenchmark {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, String> options;
  private final PrintStream table;
  private final PrintStream progress;

  private NluBenchmark(Map<String, String> options, PrintStream table, PrintStream progress) {
    this.options = options;
    this.table = table;
    this.progress = progress;
  }

  /** {@code bench-nlu}: runs the benchmark (see the class comment for the options). */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (!options.containsKey("config")) {
      err.println(
          "usage: java -jar parley-cli.jar bench-nlu --config config.yml [--datasets DIR]"
              + " [--sets a,b]");
      return 2;
    }
    new NluBenchmark(options, out, err).run();
    return 0;
  }

  private void run() throws Exception {
    Path datasets = Path.of(options.getOrDefault("datasets", "../shared/datasets"));
    String config = Files.readString(Path.of(options.get("config")));
    List<String> sets =
        Arrays.asList(
            options.getOrDefault("sets", "snips,atis,banking77,cais_zh,banking77_oos").split(","));
    PluginRegistry registry =
        new PluginRegistry(
            new ServerSettings(
                System.getProperty("java.io.tmpdir") + "/parley-bench",
                Optional.of(options.getOrDefault("plugins", "target/no-plugins")),
                Optional.empty(),
                Optional.empty(),
                4096,
                1000,
                1000,
                5,
                false));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String set : sets) {
      progress.println("== " + set);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("set", set);
      row.put("parley", parley(registry, datasets.resolve(set), set, config));
      nlpjs(set).ifPresent(peer -> row.put("nlpjs", peer));
      rows.add(row);
      if (options.containsKey("out")) {
        JSON.writeValue(Path.of(options.get("out")).toFile(), rows);
      }
    }
    table.println(BenchTable.render(rows, config));
  }

  private Map<String, Object> parley(PluginRegistry registry, Path dir, String set, String config)
      throws Exception {
    String language = set.endsWith("_zh") ? "zh" : "en";
    String botConfig = withLanguage(config, language);
    List<NluExample> train = LabelledData.jsonl(Files.readString(dir.resolve("train.jsonl")));
    String testText = Files.readString(dir.resolve("test.jsonl"));
    List<NluExample> test = LabelledData.jsonl(testText);
    Map<String, String> files = JsonlProject.files(train, botConfig);
    long start = System.nanoTime();
    BotProject project = new BotProjectParser().parse(files);
    BotModel model =
        new BotAssembler(registry).assemble("bench", set, 1, project, new HashMap<>(), true);
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("train_n", train.size());
    out.put("test_n", test.size());
    out.put("train_s", trainSeconds);
    long parseStart = System.nanoTime();
    NluEvaluation evaluation =
        NluEvaluation.run(test, text -> model.nlu().parse(new Message(text, language, Map.of())));
    out.put("evaluation_s", (System.nanoTime() - parseStart) / 1e9);
    out.putAll(ConfidenceFigures.of(model, test, evaluation, language));
    out.put("accuracy", evaluation.intents().accuracy());
    out.put("macro_f1", evaluation.intents().macroAverage().f1());
    out.put("weighted_f1", evaluation.intents().weightedAverage().f1());
    if (evaluation.entitiesLabelled()) {
      out.put("entity_f1", evaluation.entities().micro().f1());
      out.put("entity_precision", evaluation.entities().micro().precision());
      out.put("entity_recall", evaluation.entities().micro().recall());
    }
    List<String> texts = test.stream().map(NluExample::text).toList();
    out.put("in_process", inProcess(model, texts, language));
    if (options.containsKey("server")) {
      try {
        out.put("server", server(set, files, texts, testText));
      } catch (Exception e) {
        progress.println("   server figures of " + set + " failed: " + e);
        out.put("server_error", String.valueOf(e));
      }
    }
    progress.println("   " + out);
    return out;
  }

  private Map<String, Object> inProcess(BotModel model, List<String> texts, String language)
      throws InterruptedException {
    List<Message> messages = texts.stream().map(t -> new Message(t, language, Map.of())).toList();
    messages.forEach(m -> model.nlu().parse(m));
    long[] latencies = new long[messages.size()];
    for (int i = 0; i < messages.size(); i++) {
      long t = System.nanoTime();
      ParseResult ignored = model.nlu().parse(messages.get(i));
      latencies[i] = System.nanoTime() - t;
    }
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    long deadline =
        System.nanoTime() + (long) (Double.parseDouble(options.getOrDefault("seconds", "3")) * 1e9);
    AtomicLong done = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < threads; w++) {
      int offset = w * 7919;
      Thread worker =
          new Thread(
              () -> {
                int i = offset;
                while (System.nanoTime() < deadline) {
                  model.nlu().parse(messages.get(i++ % messages.size()));
                  done.incrementAndGet();
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> out = latency(latencies, latencies.length);
    out.put("throughput_per_s", done.get() / seconds);
    out.put("threads", threads);
    return out;
  }

  private Map<String, Object> server(
      String set, Map<String, String> files, List<String> texts, String testJsonl)
      throws Exception {
    BenchServer server =
        new BenchServer(
            options.get("server"),
            System.getenv("PARLEY_ADMIN_PASSWORD"),
            Long.parseLong(options.getOrDefault("import-minutes", "60")));
    String bot = set.replace('_', '-');
    long start = System.nanoTime();
    String key = server.importBot("bench", bot, JsonlProject.zip(files));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("import_s", (System.nanoTime() - start) / 1e9);
    JsonNode report = server.evaluate("bench", bot, testJsonl);
    out.put("accuracy", report.path("intent_evaluation").path("accuracy").asDouble());
    int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
    // warm-up: every text twice, so the server's JIT has seen this bot's path as in-process did
    server.parseAll("bench", bot, key, texts, clients);
    server.parseAll("bench", bot, key, texts, 1);
    BenchServer.Timings sequential = server.parseAll("bench", bot, key, texts, 1);
    out.putAll(latency(sequential.client(), texts.size()));
    Map<String, Object> serverSide = latency(sequential.server(), texts.size());
    out.put("server_side_p50_ms", serverSide.get("p50_ms"));
    out.put("server_side_p99_ms", serverSide.get("p99_ms"));
    BenchServer.Timings concurrent = server.parseAll("bench", bot, key, texts, clients);
    out.put("throughput_per_s", texts.size() / (concurrent.wallNanos() / 1e9));
    out.put("clients", clients);
    return out;
  }

  private static Map<String, Object> latency(long[] nanos, int n) {
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("p50_ms", sorted[(int) Math.min(n - 1, Math.round(0.50 * (n - 1)))] / 1e6);
    out.put("p99_ms", sorted[(int) Math.min(n - 1, Math.round(0.99 * (n - 1)))] / 1e6);
    return out;
  }

  private Optional<Map<String, Object>> nlpjs(String set) throws Exception {
    if (!options.containsKey("nlpjs")) {
      return Optional.empty();
    }
    Path file = Path.of(options.get("nlpjs")).resolve(set + ".json");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode peer = JSON.readTree(file.toFile());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("train_s", peer.path("train_wall_s").asDouble());
    out.put("accuracy", peer.path("in_scope_accuracy_top1_no_threshold").asDouble());
    out.put("accuracy_threshold", peer.path("in_scope_accuracy_default_threshold").asDouble());
    out.put("macro_f1", peer.path("in_scope_macro_f1_top1").asDouble());
    if (peer.has("oos_recall_default_threshold")) {
      out.put("oos_recall", peer.path("oos_recall_default_threshold").asDouble());
    }
    JsonNode latency = peer.path("latency_process");
    out.put("throughput_per_s", latency.path("throughput_per_s").asDouble());
    out.put("p50_ms", latency.path("median_ms").asDouble());
    out.put("p99_ms", latency.path("p99_ms").asDouble());
    return Optional.of(out);
  }

  /** The config with its {@code language:} set to the data set's language. */
  static String withLanguage(String config, String language) {
    String line = "language: " + language;
    return config.matches("(?s)(.*\\n)?language:.*")
        ? config.replaceFirst("(?m)^language:.*$", line)
        : line + "\n" + config;
  }

  static String percent(Object value) {
    return value instanceof Number n
        ? String.format(Locale.ROOT, "%.2f", 100 * n.doubleValue())
        : "—";
  }
}
