package dev.parley.core.admin;

import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LlmConnectionLookup;
import dev.parley.core.bot.TrainingProgress;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.nlu.NluService;
import dev.parley.core.nlu.eval.NluEvaluation;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A held-out estimate of a bot's NLU: stratified k-fold cross-validation on the examples of its
 * active version. Each fold trains a throw-away model on the other folds' examples (nothing is
 * stored or served) and parses its own; the report is {@link NluEvaluation}'s over all held-out
 * predictions, with {@code method} and {@code folds} added.
 */
@ApplicationScoped
public class NluCrossValidation {

  /** The folds when the caller names none. */
  public static final int DEFAULT_FOLDS = 5;

  private static final long SEED = 42;

  private BotAdminService bots;
  private NluService nlu;
  private BotAssembler assembler;

  /** For CDI proxies. */
  protected NluCrossValidation() {}

  /** Wires the collaborators; folds are trained with the server's plugins behind its guard. */
  @Inject
  public NluCrossValidation(
      BotAdminService bots,
      NluService nlu,
      PluginRegistry registry,
      LlmConnectionLookup llmConnections,
      PluginGuard guard) {
    this(bots, nlu, new BotAssembler(registry, llmConnections, guard));
  }

  NluCrossValidation(BotAdminService bots, NluService nlu, BotAssembler assembler) {
    this.bots = bots;
    this.nlu = nlu;
    this.assembler = assembler;
  }

  /**
   * Cross-validates the bot's active version.
   *
   * @param folds from 2 to 10 (fewer when the bot has fewer examples)
   * @param progress told {@code fold} i of k before each fold is trained
   * @throws IllegalArgumentException when {@code folds} is out of range
   * @throws AdminException {@code too_few_examples} when there are fewer than two examples
   */
  public Map<String, Object> run(String tenant, String bot, int folds, TrainingProgress progress) {
    if (folds < StratifiedFolds.MIN_FOLDS || folds > StratifiedFolds.MAX_FOLDS) {
      throw new IllegalArgumentException(
          "folds must be from " + StratifiedFolds.MIN_FOLDS + " to " + StratifiedFolds.MAX_FOLDS);
    }
    BotAdminService.ProjectVersion version = bots.files(tenant, bot, null);
    BotProject project = new BotProjectParser().parse(version.files());
    List<NluExample> examples = project.trainingData().examples();
    if (examples.size() < StratifiedFolds.MIN_FOLDS) {
      throw new AdminException(
          AdminException.Reason.CONFLICT,
          "too_few_examples",
          "cross-validation needs at least two NLU examples",
          List.of());
    }
    int k = Math.min(folds, examples.size());
    List<List<Integer>> split = StratifiedFolds.split(examples, k, SEED);
    ParseResult[] results = new ParseResult[examples.size()];
    for (int f = 0; f < k; f++) {
      progress.report("fold", f, k);
      Set<Integer> heldOut = new HashSet<>(split.get(f));
      BotModel model = train(tenant, bot, project, training(examples, heldOut));
      try {
        String language = project.config().language();
        for (int position : split.get(f)) {
          results[position] =
              nlu.parseUncached(
                  model, new Message(examples.get(position).text(), language, Map.of()));
        }
      } finally {
        model.nlu().retire();
      }
    }
    Map<String, Object> report = NluEvaluation.of(examples, List.of(results)).report(false);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", "cross_validation");
    out.put("folds", k);
    out.put("fold_sizes", split.stream().map(List::size).toList());
    out.put("version", version.version());
    out.putAll(report);
    return out;
  }

  private BotModel train(
      String tenant, String bot, BotProject project, List<NluExample> trainingExamples) {
    TrainingData data = project.trainingData();
    TrainingData reduced =
        new TrainingData(
            data.language(),
            data.domain(),
            trainingExamples,
            data.synonyms(),
            data.regexes(),
            data.lookups(),
            data.stories(),
            data.rules());
    BotProject fold =
        new BotProject(
            project.config(),
            project.domain(),
            reduced,
            project.testStories(),
            project.warnings(),
            project.files(),
            project.actionEndpoint(),
            project.actionLocations());
    return assembler.assemble(tenant, bot, 0, fold, new HashMap<>(), true);
  }

  private static List<NluExample> training(List<NluExample> examples, Set<Integer> heldOut) {
    List<NluExample> out = new ArrayList<>(examples.size() - heldOut.size());
    for (int i = 0; i < examples.size(); i++) {
      if (!heldOut.contains(i)) {
        out.add(examples.get(i));
      }
    }
    return out;
  }
}
