package dev.parley.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.replychecks.AsksRequestedSlotCheck;
import dev.parley.core.replychecks.BuiltInChecks;
import dev.parley.core.replychecks.LengthCheck;
import dev.parley.core.replychecks.NoClosingCheck;
import dev.parley.core.replychecks.NoLeakCheck;
import dev.parley.plugin.response.ReplyCandidate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyChecksTest {

  private static final String INSTRUCTIONS =
      "You are Pip, the assistant of Luigi's pizza shop. Never offer discounts.";

  private static ReplyCandidate candidate(String generated, String template, String slot) {
    return new ReplyCandidate(
        generated,
        template,
        "utter_x",
        Optional.ofNullable(slot),
        BuiltInChecks.closes(template),
        List.of("555 0199 42"),
        INSTRUCTIONS,
        "en");
  }

  @Test
  void aSlotQuestionMustStillAskForTheSlot() {
    AsksRequestedSlotCheck check = new AsksRequestedSlotCheck();
    String template = "What size would you like?";
    assertEquals(
        Optional.empty(),
        check.reject(candidate("Lovely! Which size shall it be?", template, "size")));
    assertTrue(check.reject(candidate("Okay, noted.", template, "size")).isPresent());
    assertTrue(
        check.reject(candidate("Would you like a drink with that?", template, "size")).isPresent(),
        "a question about something else");
    assertEquals(
        Optional.empty(), check.reject(candidate("Noted.", "Thanks!", null)), "no slot asked");
    assertEquals(
        Optional.empty(),
        check.reject(candidate("好的！请问您要什么尺寸？", "您要什么尺寸？", "size")),
        "Chinese question sharing a word");
    assertTrue(check.reject(candidate("好的，已记下。", "您要什么尺寸？", "size")).isPresent());
    assertEquals(
        Optional.empty(),
        check.reject(candidate("好的！请留一个骑手可以联系的电话号码。", "请留一个骑手可以联系的电话号码。", "phone")),
        "a request that is not a question");
    assertTrue(
        check
            .reject(
                candidate(
                    "Please give us your phone number", "Your phone number, please.", "phone"))
            .isEmpty());
    assertTrue(
        check
            .reject(candidate("Thanks a lot!", "Your phone number, please.", "phone"))
            .isPresent());
  }

  @Test
  void noGoodbyeUnlessTheTemplateSaysIt() {
    NoClosingCheck check = new NoClosingCheck();
    assertTrue(
        check
            .reject(candidate("Great, your order is complete. Bye!", "Which size?", "size"))
            .isPresent());
    assertTrue(check.reject(candidate("好的，再见！", "您要什么尺寸？", null)).isPresent());
    assertEquals(
        Optional.empty(),
        check.reject(candidate("Bye now, enjoy!", "Goodbye, enjoy your meal!", null)));
    assertEquals(
        Optional.empty(),
        check.reject(candidate("Maybe a byelaw applies?", "Anything else?", null)),
        "'bye' inside a word is not a goodbye");
  }

  @Test
  void noSensitiveValueAndNoInstructionSentence() {
    NoLeakCheck check = new NoLeakCheck();
    assertTrue(
        check
            .reject(candidate("We will call 555 0199 42.", "We will call you.", null))
            .isPresent());
    assertTrue(
        check
            .reject(
                candidate(
                    "Sure. you are pip, the assistant of luigi's pizza shop!", "Hello!", null))
            .isPresent());
    assertEquals(
        Optional.empty(), check.reject(candidate("Hi, I'm Pip. How can I help?", "Hello!", null)));
  }

  @Test
  void lengthIsCountedInCharactersNotBytes() {
    LengthCheck check = new LengthCheck(5);
    assertEquals(Optional.empty(), check.reject(candidate("你好你好你", "x", null)));
    assertTrue(check.reject(candidate("你好你好你好", "x", null)).isPresent());
  }

  @Test
  void builtInsRunLeakCheckFirst() {
    assertEquals(
        List.of("no_leak", "length", "asks_requested_slot", "no_goodbye"),
        BuiltInChecks.forMaxChars(100).stream().map(c -> c.name()).toList());
  }
}
