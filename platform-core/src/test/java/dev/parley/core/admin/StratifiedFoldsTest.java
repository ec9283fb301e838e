package dev.parley.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.bot.NluExample;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

  private static List<NluExample> examples(int greet, int bye) {
    List<NluExample> out = new ArrayList<>();
    for (int i = 0; i < greet; i++) {
      out.add(new NluExample("hello " + i, "greet", List.of()));
    }
    for (int i = 0; i < bye; i++) {
      out.add(new NluExample("bye " + i, "goodbye", List.of()));
    }
    return out;
  }

  @Test
  void everyExampleIsHeldOutExactlyOnce() {
    List<List<Integer>> folds = StratifiedFolds.split(examples(12, 8), 5, 7);
    assertEquals(5, folds.size());
    TreeSet<Integer> seen = new TreeSet<>();
    folds.forEach(fold -> fold.forEach(i -> assertTrue(seen.add(i), "held out twice: " + i)));
    assertEquals(20, seen.size());
  }

  @Test
  void eachIntentIsSpreadOverTheFolds() {
    List<NluExample> data = examples(10, 5);
    for (List<Integer> fold : StratifiedFolds.split(data, 5, 1)) {
      assertEquals(2, fold.stream().filter(i -> data.get(i).intent().equals("greet")).count());
      assertEquals(1, fold.stream().filter(i -> data.get(i).intent().equals("goodbye")).count());
    }
  }

  @Test
  void foldsStayTheSameSizeAcrossIntents() {
    List<List<Integer>> folds = StratifiedFolds.split(examples(3, 3), 5, 3);
    int smallest = folds.stream().mapToInt(List::size).min().orElseThrow();
    int largest = folds.stream().mapToInt(List::size).max().orElseThrow();
    assertTrue(largest - smallest <= 1, folds.toString());
  }

  @Test
  void theSameSeedGivesTheSameSplit() {
    assertEquals(
        StratifiedFolds.split(examples(9, 9), 3, 42), StratifiedFolds.split(examples(9, 9), 3, 42));
  }

  @Test
  void refusesTooFewOrTooManyFolds() {
    assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.split(examples(3, 3), 1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> StratifiedFolds.split(examples(3, 3), 11, 0));
  }
}
