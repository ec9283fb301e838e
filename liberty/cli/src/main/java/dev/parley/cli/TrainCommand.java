package dev.parley.cli;

import dev.parley.core.bot.AssembledModel;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.ValidationMessage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code parley train <project> --out <file>}: trains the bot offline into one {@link ModelFile}:
 * the project and the artefacts the server would store for the version. {@code shell}, {@code test}
 * and {@code push} take the file in place of the folder ({@code shell} and {@code test} then load
 * the artefacts instead of training). Exits 0 when trained, 1 when the project is invalid, 2 on bad
 * usage.
 */
final class TrainCommand {

  static final String USAGE = "usage: parley train <project> --out <model.zip>";

  private TrainCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments = Arguments.parse(args, Set.of());
    if (arguments.positional().size() != 1 || arguments.option("out").isEmpty()) {
      throw new Arguments.UsageException(USAGE);
    }
    String path = arguments.positional().get(0);
    Path target = Path.of(arguments.option("out").get());
    LocalBot bot = LocalBot.open(path);
    long start = System.nanoTime();
    BotProject project;
    AssembledModel trained;
    try {
      project = bot.parse();
      err.println("training " + bot.name() + " ...");
      trained = bot.trainRecorded(project);
    } catch (BotDefinitionException invalid) {
      Problems.print(path, "error", invalid.errors(), err);
      return 1;
    }
    Set<ValidationMessage> warnings = new LinkedHashSet<>(project.warnings());
    BotModel model = trained.model();
    warnings.addAll(model.warnings());
    Problems.print(path, "warning", List.copyOf(warnings), err);
    ModelFile.write(target, bot.name(), bot.files(), trained);
    model.nlu().retire();
    Map<String, byte[]> artifacts = trained.artifacts();
    long bytes = artifacts.values().stream().mapToLong(a -> a.length).sum();
    out.printf(
        "trained %s in %.1f s: %s (%d artefact(s), %d bytes)%n",
        bot.name(), (System.nanoTime() - start) / 1e9, target, artifacts.size(), bytes);
    return 0;
  }
}
