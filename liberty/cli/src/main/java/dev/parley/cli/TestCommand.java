package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.parley.core.actionserver.ActionServerActions;
import dev.parley.core.actionserver.ActionServerHttp;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.json.Json;
import dev.parley.core.nlu.eval.LabelledData;
import dev.parley.core.nlu.eval.NluEvaluation;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.turn.StoryTestReport;
import dev.parley.core.turn.StoryTester;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Message;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code parley test <project>}: trains the bot (or loads a model file) and runs its test stories
 * ({@code tests/test_*.yml}) and an NLU evaluation: on the project's NLU test data ({@code
 * tests/*.yml} files with an {@code nlu:} section whose names do not start with {@code test_}, or
 * {@code --nlu FILE}, YAML or JSONL), else by stratified cross-validation on its own examples. The
 * reports go to {@code --out} (default {@code <project>/results}) as Rasa's {@code results/} folder
 * has them. Exits 0 when every story passed and the NLU reached {@code --min-accuracy} (default:
 * every test example right; no bound for cross-validation), 1 on a failure, 2 when the project is
 * invalid or the command cannot run.
 */
final class TestCommand {

  static final String USAGE =
      "usage: parley test <project> [--out DIR] [--nlu FILE] [--folds N] [--min-accuracy A]"
          + " [--stories-only | --nlu-only]";

  private static final ObjectWriter JSON = Json.mapper().writerWithDefaultPrettyPrinter();

  private TestCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments = Arguments.parse(args, Set.of("stories-only", "nlu-only"));
    if (arguments.positional().size() != 1) {
      throw new Arguments.UsageException(USAGE);
    }
    String path = arguments.positional().get(0);
    LocalBot bot = LocalBot.open(path);
    Path results =
        Path.of(
            arguments
                .option("out")
                .orElse(
                    Files.isDirectory(Path.of(path))
                        ? Path.of(path, "results").toString()
                        : "results"));
    BotProject project;
    BotModel model;
    try {
      project = bot.parse();
      err.println((bot.trained() ? "loading " : "training ") + bot.name() + " ...");
      model = bot.model(project);
    } catch (BotDefinitionException invalid) {
      Problems.print(path, "error", invalid.errors(), err);
      return 2;
    }
    Files.createDirectories(results);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("bot", bot.name());
    boolean passed = true;
    try {
      if (!arguments.flag("nlu-only")) {
        passed &= stories(project, model, results, summary, out);
      }
      if (!arguments.flag("stories-only")) {
        passed &= nlu(bot, project, model, arguments, results, summary, out, err);
      }
    } finally {
      model.nlu().retire();
    }
    summary.put("passed", passed);
    JSON.writeValue(results.resolve("summary.json").toFile(), summary);
    out.println((passed ? "PASSED" : "FAILED") + "; reports in " + results);
    return passed ? 0 : 1;
  }

  private static boolean stories(
      BotProject project,
      BotModel model,
      Path results,
      Map<String, Object> summary,
      PrintStream out)
      throws IOException {
    StoryTestReport report =
        StoryTester.run(
            model,
            project.testStories(),
            new ActionServerActions(PluginGuard.standalone(), new ActionServerHttp(5000)));
    Map<String, Object> stories = new LinkedHashMap<>();
    stories.put("total", report.total());
    stories.put("passed", report.passed());
    stories.put("failed", report.failed());
    stories.put("accuracy", report.total() == 0 ? 1.0 : (double) report.passed() / report.total());
    JSON.writeValue(results.resolve("story_report.json").toFile(), stories);
    Files.writeString(
        results.resolve("failed_test_stories.yml"),
        FailedStories.yaml(project.testStories(), report));
    summary.put("stories", Map.of("total", report.total(), "passed", report.passed()));
    out.printf("stories: %d/%d passed%n", report.passed(), report.total());
    for (StoryTestReport.Failure failure : report.failed()) {
      out.printf(
          "  FAILED %s, step %d: expected %s, predicted %s%n",
          failure.story(), failure.step(), failure.expected(), failure.predicted());
    }
    return report.passed() == report.total();
  }

  private static boolean nlu(
      LocalBot bot,
      BotProject project,
      BotModel model,
      Arguments arguments,
      Path results,
      Map<String, Object> summary,
      PrintStream out,
      PrintStream err)
      throws IOException {
    List<NluExample> testData = testData(bot, arguments);
    NluEvaluation evaluation;
    String method;
    double minAccuracy;
    String language = project.config().language();
    if (!testData.isEmpty()) {
      method = "test_data";
      evaluation =
          NluEvaluation.run(
              testData, text -> model.nlu().parse(new Message(text, language, Map.of())));
      minAccuracy = arguments.option("min-accuracy").map(Double::parseDouble).orElse(1.0);
    } else if (project.trainingData().examples().size() >= 2) {
      int folds =
          arguments.option("folds").map(Integer::parseInt).orElse(CrossValidation.DEFAULT_FOLDS);
      method = "cross_validation";
      err.println("cross-validating the NLU (" + folds + " folds) ...");
      evaluation =
          NluEvaluation.of(
              project.trainingData().examples(), new CrossValidation(bot).run(project, folds));
      minAccuracy = arguments.option("min-accuracy").map(Double::parseDouble).orElse(0.0);
    } else {
      out.println("nlu: no test data and too few examples to cross-validate");
      return true;
    }
    Map<String, Object> report = evaluation.report(false);
    report.put("method", method);
    JSON.writeValue(results.resolve("nlu_report.json").toFile(), report);
    JSON.writeValue(results.resolve("intent_report.json").toFile(), evaluation.intents().toMap());
    Map<?, ?> intentSection = (Map<?, ?>) report.get("intent_evaluation");
    JSON.writeValue(results.resolve("intent_errors.json").toFile(), intentSection.get("errors"));
    JSON.writeValue(
        results.resolve("intent_confusion_matrix.json").toFile(), evaluation.confusion().toMap());
    if (evaluation.entitiesLabelled()) {
      JSON.writeValue(
          results.resolve("entity_report.json").toFile(), evaluation.entities().toMap());
    }
    double accuracy = evaluation.intents().accuracy();
    Map<String, Object> nlu = new LinkedHashMap<>();
    nlu.put("method", method);
    nlu.put("examples", report.get("examples"));
    nlu.put("accuracy", accuracy);
    nlu.put("macro_f1", evaluation.intents().macroAverage().f1());
    nlu.put("min_accuracy", minAccuracy);
    summary.put("nlu", nlu);
    out.printf(
        "nlu (%s): accuracy %.3f, macro F1 %.3f on %s examples%n",
        method, accuracy, evaluation.intents().macroAverage().f1(), report.get("examples"));
    if (accuracy + 1e-9 < minAccuracy) {
      out.printf("  FAILED: accuracy below %.3f%n", minAccuracy);
      return false;
    }
    return true;
  }

  /** {@code --nlu FILE}, else the project's NLU test files. */
  private static List<NluExample> testData(LocalBot bot, Arguments arguments) throws IOException {
    if (arguments.option("nlu").isPresent()) {
      return LabelledData.read(Files.readString(Path.of(arguments.option("nlu").get())));
    }
    List<NluExample> examples = new ArrayList<>();
    for (Map.Entry<String, String> file : bot.files().entrySet()) {
      String name = file.getKey();
      String base = name.substring(name.lastIndexOf('/') + 1);
      if (name.startsWith("tests/")
          && (name.endsWith(".yml") || name.endsWith(".yaml"))
          && !base.startsWith("test_")
          && file.getValue().lines().anyMatch(line -> line.startsWith("nlu:"))) {
        examples.addAll(
            new dev.parley.core.bot.definition.BotProjectParser()
                .parseNluExamples(name, file.getValue()));
      }
    }
    return examples;
  }
}
