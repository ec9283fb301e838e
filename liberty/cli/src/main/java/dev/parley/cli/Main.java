package dev.parley.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parley's command line: {@code java -jar parley-cli.jar <command> [arguments]}. Dispatches to the
 * subcommands below; exits with the command's status, or 2 on bad usage.
 */
public final class Main {

  private record Subcommand(String name, String arguments, String summary, Command command) {}

  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand(
              "test-stories",
              "<bot folder>...",
              "trains each bot and runs its test stories (tests/test_*.yml)",
              TestStoriesCommand::run),
          new Subcommand(
              "bench-nlu",
              "--config config.yml [options]",
              "the NLU benchmark on the shared data sets (see liberty/bench/nlu.sh)",
              NluBenchmark::run));

  private Main() {}

  /** Runs the command named by the first argument with the others. */
  public static void main(String[] args) throws Exception {
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
    return named.get().command().run(Arrays.copyOfRange(args, 1, args.length), out, err);
  }

  private static Optional<Subcommand> find(String name) {
    return SUBCOMMANDS.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static void usage(PrintStream to) {
    to.println("usage: java -jar parley-cli.jar <command> [arguments]");
    to.println("commands:");
    for (Subcommand s : SUBCOMMANDS) {
      to.println("  " + s.name() + " " + s.arguments());
      to.println("      " + s.summary());
    }
  }
}
