package dev.parley.cli;

import dev.parley.core.bot.definition.BotDefinitionException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parley's command line: {@code parley <command> [arguments]} ({@code java -jar parley-cli.jar}).
 * Dispatches to the subcommands below; exits with the command's status, or 2 on bad usage or when
 * the command cannot run (see docs/cli.md).
 */
public final class Main {

  private record Subcommand(String name, String arguments, String summary, Command command) {}

  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand(
              "validate",
              "<project> [--max-history N] [--fail-on-warnings]",
              "checks the project as Rasa's data validate does (file and line of each problem)",
              ValidateCommand::run),
          new Subcommand(
              "train",
              "<project> --out <model.zip>",
              "trains the bot into one model file (project and trained artefacts)",
              TrainCommand::run),
          new Subcommand(
              "test",
              "<project|model.zip> [--out DIR] [--nlu FILE] [--folds N] [--min-accuracy A]",
              "runs the test stories and an NLU evaluation, writes JSON reports (exit 0/1/2)",
              TestCommand::run),
          new Subcommand(
              "shell",
              "<project|model.zip> [--sender ID]",
              "talks to the bot on standard input, showing each message's intent",
              (args, out, err) -> new ShellCommand(System.in).run(args, out, err)),
          new Subcommand(
              "push",
              "<project|model.zip> --url URL --tenant T --bot B [--key KEY]",
              "uploads the project to a running server (key: admin password, or PARLEY_API_KEY)",
              (args, out, err) -> PushCommand.withSystemEnvironment().run(args, out, err)),
          new Subcommand(
              "test-stories",
              "<bot folder>...",
              "trains each bot and runs its test stories (tests/test_*.yml), one JSON line each",
              TestStoriesCommand::run),
          new Subcommand(
              "bench-nlu",
              "--config config.yml [options]",
              "the NLU benchmark on the shared data sets (see liberty/bench/nlu.sh)",
              NluBenchmark::run));

  private Main() {}

  /** Runs the command named by the first argument with the others. */
  public static void main(String[] args) throws Exception {
    if (System.getenv("PARLEY_CLI_VERBOSE") == null) {
      // the libraries' progress (plugin discovery, training iterations) only with the variable set
      Logger.getLogger("").setLevel(Level.WARNING);
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command named by {@code args[0]}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0) {
      usage(err);
      return 2;
    }
    if (List.of("help", "--help", "-h").contains(args[0])) {
      usage(out);
      return 0;
    }
    Optional<Subcommand> named = find(args[0]);
    if (named.isEmpty()) {
      err.println("unknown command: " + args[0]);
      usage(err);
      return 2;
    }
    try {
      return named.get().command().run(Arrays.copyOfRange(args, 1, args.length), out, err);
    } catch (Arguments.UsageException usage) {
      err.println(usage.getMessage());
      return 2;
    } catch (BotDefinitionException invalid) {
      Problems.print(".", "error", invalid.errors(), err);
      return 2;
    } catch (IOException | UncheckedIOException | NumberFormatException failed) {
      err.println(args[0] + ": " + failed.getMessage());
      return 2;
    }
  }

  private static Optional<Subcommand> find(String name) {
    return SUBCOMMANDS.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static void usage(PrintStream to) {
    to.println("usage: parley <command> [arguments]   (or java -jar parley-cli.jar ...)");
    to.println("commands:");
    for (Subcommand s : SUBCOMMANDS) {
      to.println("  " + s.name() + " " + s.arguments());
      to.println("      " + s.summary());
    }
  }
}
