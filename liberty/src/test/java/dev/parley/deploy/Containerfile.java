package dev.parley.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instructions of a Containerfile (Dockerfile syntax, shell form): comments dropped,
 * continuation lines joined, each instruction numbered by the build stage it belongs to.
 */
final class Containerfile {

  /**
   * One instruction.
   *
   * @param keyword upper-case instruction, e.g. {@code COPY}
   * @param arguments the rest of the line
   * @param stage 0 for the first {@code FROM}'s stage, and so on
   */
  record Instruction(String keyword, String arguments, int stage) {}

  /**
   * A {@code COPY} instruction.
   *
   * @param flags e.g. {@code chown -> 1001:0}, {@code from -> ml-split}
   * @param sources source paths (in the build context, or in the stage named by {@code from})
   * @param destination the path in the image
   * @param stage the build stage
   */
  record Copy(Map<String, String> flags, List<String> sources, String destination, int stage) {

    /** Whether it copies from the build context (not from another stage). */
    boolean fromContext() {
      return !flags.containsKey("from");
    }
  }

  private final List<Instruction> instructions;

  private Containerfile(List<Instruction> instructions) {
    this.instructions = List.copyOf(instructions);
  }

  /** Parses the file. */
  static Containerfile read(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Containerfile parse(List<String> lines) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int stage = -1;
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
        continue;
      }
      boolean continues = stripped.endsWith("\\");
      current
          .append(continues ? stripped.substring(0, stripped.length() - 1) : stripped)
          .append(' ');
      if (!continues) {
        String text = current.toString().strip();
        current.setLength(0);
        if (text.isEmpty()) {
          continue;
        }
        String[] parts = text.split("\\s+", 2);
        String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
        if (keyword.equals("FROM")) {
          stage++;
        }
        instructions.add(new Instruction(keyword, parts.length > 1 ? parts[1] : "", stage));
      }
    }
    return new Containerfile(instructions);
  }

  /** Every instruction, in order. */
  List<Instruction> instructions() {
    return instructions;
  }

  /** The number of the last stage (the image). */
  int finalStage() {
    return instructions.stream().mapToInt(Instruction::stage).max().orElse(-1);
  }

  /** The instructions of one stage, in order. */
  List<Instruction> stage(int stage) {
    return instructions.stream().filter(i -> i.stage() == stage).toList();
  }

  /** The value of a global {@code ARG name=value} (before the first FROM). */
  Optional<String> globalArg(String name) {
    return instructions.stream()
        .filter(i -> i.stage() < 0 && i.keyword().equals("ARG"))
        .map(Instruction::arguments)
        .filter(argument -> argument.startsWith(name + "="))
        .map(argument -> argument.substring(name.length() + 1))
        .findFirst();
  }

  /** Every COPY of every stage, in order. */
  List<Copy> copies() {
    return instructions.stream()
        .filter(i -> i.keyword().equals("COPY"))
        .map(Containerfile::copy)
        .toList();
  }

  private static Copy copy(Instruction instruction) {
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>();
    for (String token : instruction.arguments().split("\\s+")) {
      if (token.startsWith("--")) {
        String[] flag = token.substring(2).split("=", 2);
        flags.put(flag[0], flag.length > 1 ? flag[1] : "");
      } else {
        paths.add(token);
      }
    }
    if (paths.size() < 2) {
      throw new IllegalStateException("COPY without source or destination: " + instruction);
    }
    return new Copy(
        flags,
        List.copyOf(paths.subList(0, paths.size() - 1)),
        paths.get(paths.size() - 1),
        instruction.stage());
  }

  @Override
  public String toString() {
    return Arrays.toString(instructions.toArray());
  }
}
