package dev.parley.cli;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Stratified k-fold cross-validation of a project's NLU: each intent's examples are shuffled with a
 * fixed seed and dealt over the folds in turn; each fold trains a throw-away bot on the others and
 * parses its own. The result holds one parse per example, in the examples' order.
 */
final class CrossValidation {

  static final int DEFAULT_FOLDS = 5;
  private static final long SEED = 42;

  private final LocalBot bot;

  CrossValidation(LocalBot bot) {
    this.bot = bot;
  }

  /** The held-out parse of every example. */
  List<ParseResult> run(BotProject project, int folds) {
    List<NluExample> examples = project.trainingData().examples();
    int k = Math.max(2, Math.min(folds, examples.size()));
    List<Integer> foldOf = folds(examples, k);
    ParseResult[] results = new ParseResult[examples.size()];
    String language = project.config().language();
    for (int fold = 0; fold < k; fold++) {
      List<NluExample> training = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf.get(i) != fold) {
          training.add(examples.get(i));
        }
      }
      BotModel model = bot.train(without(project, training), new HashMap<>());
      try {
        for (int i = 0; i < examples.size(); i++) {
          if (foldOf.get(i) == fold) {
            results[i] = model.nlu().parse(new Message(examples.get(i).text(), language, Map.of()));
          }
        }
      } finally {
        model.nlu().retire();
      }
    }
    return List.of(results);
  }

  /** The fold of each example. */
  static List<Integer> folds(List<NluExample> examples, int k) {
    Map<String, List<Integer>> byIntent = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      byIntent.computeIfAbsent(examples.get(i).intent(), x -> new ArrayList<>()).add(i);
    }
    Integer[] fold = new Integer[examples.size()];
    Random random = new Random(SEED);
    int next = 0;
    for (List<Integer> positions : byIntent.values()) {
      Collections.shuffle(positions, random);
      for (int position : positions) {
        fold[position] = next;
        next = (next + 1) % k;
      }
    }
    return List.of(fold);
  }

  private static BotProject without(BotProject project, List<NluExample> training) {
    TrainingData data = project.trainingData();
    TrainingData reduced =
        new TrainingData(
            data.language(),
            data.domain(),
            training,
            data.synonyms(),
            data.regexes(),
            data.lookups(),
            data.stories(),
            data.rules());
    return new BotProject(
        project.config(),
        project.domain(),
        reduced,
        project.testStories(),
        project.warnings(),
        project.files(),
        project.actionEndpoint(),
        project.actionLocations());
  }
}
