package dev.parley.plugins.nlu.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownWordsTest {

  @Test
  void eachTextGetsAMadeUpWordAppendedTheSameWayEveryTime() {
    List<String> texts = List.of("I want a latte", "hi", "I want a latte");
    List<String> copies = UnknownWords.appendedTo(texts);
    assertEquals(copies, UnknownWords.appendedTo(texts), "reproducible training");
    for (int i = 0; i < texts.size(); i++) {
      String copy = copies.get(i);
      assertTrue(copy.startsWith(texts.get(i) + " "), copy);
      assertTrue(
          copy.substring(texts.get(i).length() + 1).matches("[a-z]{" + UnknownWords.LETTERS + "}"),
          copy);
    }
    assertNotEquals(copies.get(0), copies.get(2), "the same text gets another word");
  }
}
