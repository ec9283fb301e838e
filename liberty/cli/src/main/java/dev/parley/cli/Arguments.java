package dev.parley.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subcommand's arguments: positional ones, {@code --name value} options and {@code --flag}
 * switches (the switches a command accepts are named up front, so that {@code --flag} never eats
 * the next argument).
 */
final class Arguments {

  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Arguments() {}

  /**
   * Reads {@code args}.
   *
   * @param switches the names (without {@code --}) that take no value
   * @throws UsageException when an option has no value
   */
  static Arguments parse(String[] args, Set<String> switches) {
    Arguments parsed = new Arguments();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.equals("--")) {
        parsed.positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      int equals = name.indexOf('=');
      if (equals > 0) {
        parsed.options.put(name.substring(0, equals), name.substring(equals + 1));
      } else if (switches.contains(name)) {
        parsed.flags.add(name);
      } else if (i + 1 < args.length) {
        parsed.options.put(name, args[++i]);
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
    }
    return parsed;
  }

  /** The positional arguments, in order. */
  List<String> positional() {
    return positional;
  }

  /** The value of {@code --name}, if given. */
  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
  }

  /** Whether {@code --name} was given. */
  boolean flag(String name) {
    return flags.contains(name);
  }

  /** The options given that are not among {@code known}. */
  List<String> unknownOptions(Set<String> known) {
    List<String> unknown = new ArrayList<>();
    options.keySet().stream().filter(o -> !known.contains(o)).forEach(o -> unknown.add("--" + o));
    return unknown;
  }

  /** Bad command-line usage: the command prints its usage and exits with 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
