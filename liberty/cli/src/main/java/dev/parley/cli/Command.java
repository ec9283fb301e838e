package dev.parley.cli;

import java.io.PrintStream;

/** One subcommand of {@link Main}: runs with its own arguments and returns the exit status. */
@FunctionalInterface
interface Command {

  /** Runs the command; {@code out} gets its results, {@code err} its progress and errors. */
  int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
