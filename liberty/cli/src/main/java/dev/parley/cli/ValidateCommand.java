package dev.parley.cli;

import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.bot.definition.ValidationMessage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code parley validate <project>}: Rasa's {@code data validate} checks without training. Every
 * problem is printed as {@code project/file:line: error|warning: message}: what the import refuses
 * (undeclared intents, entities, slots, forms or actions in stories and rules, actions without a
 * response, broken YAML, unknown components, settings of the wrong type or outside their bounds),
 * what it accepts with a warning (Rasa options Parley ignores among them), the further warnings of
 * {@link DataChecks} and conflicting stories ({@link StoryConflicts}). Exits 0 when there is no
 * error (and no warning with {@code --fail-on-warnings}), 1 otherwise, 2 on bad usage.
 */
final class ValidateCommand {

  static final String USAGE =
      "usage: parley validate <project> [--max-history N] [--fail-on-warnings]";
  private static final int DEFAULT_MAX_HISTORY = 5;

  private ValidateCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments = Arguments.parse(args, Set.of("fail-on-warnings"));
    if (arguments.positional().size() != 1) {
      throw new Arguments.UsageException(USAGE);
    }
    String path = arguments.positional().get(0);
    LocalBot bot = LocalBot.open(path);
    BotProject project;
    List<ValidationMessage> checked;
    try {
      project = bot.parse();
      checked = bot.check(project);
    } catch (BotDefinitionException invalid) {
      Problems.print(path, "error", invalid.errors(), out);
      out.println(invalid.errors().size() + " error(s): the project cannot be imported");
      return 1;
    }
    SourceLines lines = new SourceLines(bot.files());
    List<ValidationMessage> warnings = new ArrayList<>(checked);
    warnings.addAll(new DataChecks(project, lines).warnings());
    int maxHistory =
        arguments.option("max-history").map(Integer::parseInt).orElseGet(() -> maxHistory(project));
    List<ValidationMessage> conflicts =
        new StoryConflicts(project.domain(), maxHistory)
            .find(project.trainingData().stories(), lines);
    Problems.print(path, "error", conflicts, out);
    Problems.print(path, "warning", warnings, out);
    out.println(conflicts.size() + " error(s), " + warnings.size() + " warning(s)");
    boolean failed =
        !conflicts.isEmpty() || (arguments.flag("fail-on-warnings") && !warnings.isEmpty());
    return failed ? 1 : 0;
  }

  /** The memoization (or TED) policy's {@code max_history}, as Rasa's validator takes it. */
  private static int maxHistory(BotProject project) {
    for (ComponentConfig policy : project.config().policies()) {
      Object value = policy.params().get("max_history");
      if (value instanceof Number n && n.intValue() > 0) {
        return n.intValue();
      }
    }
    return DEFAULT_MAX_HISTORY;
  }
}
