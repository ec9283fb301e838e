package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void withoutACommandPrintsTheUsageAndExitsWithTwo() throws Exception {
    assertEquals(2, run());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("test-stories"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("bench-nlu"));
  }

  @Test
  void anUnknownCommandExitsWithTwo() throws Exception {
    assertEquals(2, run("frobnicate"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command: frobnicate"));
  }

  @Test
  void helpPrintsTheUsageAndExitsWithZero() throws Exception {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage:"));
  }

  @Test
  void aCommandGetsTheRemainingArguments() throws Exception {
    assertEquals(2, run("test-stories"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("test-stories <bot folder>"));
    assertEquals(2, run("bench-nlu", "--sets", "snips"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("bench-nlu --config"));
  }
}
