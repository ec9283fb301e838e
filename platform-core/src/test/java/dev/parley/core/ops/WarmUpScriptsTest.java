package dev.parley.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.plugin.bot.NluExample;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WarmUpScriptsTest {

  private final BotProject demo = new BotProjectParser().parse(DemoBotFiles.load());

  @Test
  void everyStoryBecomesAConversationOfTheBotsOwnExamplesOrTexts() {
    List<List<String>> conversations = WarmUpScripts.of(demo, 1);
    int stories = demo.trainingData().stories().size() + demo.testStories().size();
    Set<String> examples =
        demo.trainingData().examples().stream().map(NluExample::text).collect(Collectors.toSet());
    Set<String> testTexts = new HashSet<>();
    demo.testStories()
        .forEach(
            story ->
                story.steps().stream()
                    .filter(step -> step instanceof dev.parley.plugin.bot.StoryStep.User)
                    .map(step -> ((dev.parley.plugin.bot.StoryStep.User) step).text())
                    .filter(text -> text != null)
                    .forEach(text -> testTexts.add(text.strip())));
    assertFalse(testTexts.isEmpty(), "the demo bot has test stories with texts");
    assertTrue(conversations.size() > stories, "stories, then conversations of examples");
    for (List<String> conversation : conversations) {
      assertFalse(conversation.isEmpty());
      for (String text : conversation) {
        assertTrue(examples.contains(text) || testTexts.contains(text), text);
      }
    }
    Set<String> sent = conversations.stream().flatMap(List::stream).collect(Collectors.toSet());
    assertTrue(sent.containsAll(examples), "every example is sent at least once");
    assertTrue(sent.containsAll(testTexts), "every test story's text is sent");
  }

  @Test
  void theSameSeedGivesTheSameConversations() {
    assertEquals(WarmUpScripts.of(demo, 7), WarmUpScripts.of(demo, 7));
  }

  @Test
  void examplesAreSentAFewPerConversation() {
    List<List<String>> conversations = WarmUpScripts.of(demo, 3);
    assertTrue(
        conversations.stream()
            .allMatch(c -> c.size() <= Math.max(WarmUpScripts.EXAMPLES_PER_CONVERSATION, 40)));
    assertTrue(conversations.size() <= WarmUpScripts.MAX_CONVERSATIONS);
  }

  @Test
  void anUnseenVariantKeepsTheTextAndAddsADifferentMadeUpWordEachTime() {
    Random random = new Random(5);
    Set<String> variants = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String variant = WarmUpScripts.unseen("I want a latte", random);
      assertTrue(variant.startsWith("I want a latte "), variant);
      String word = variant.substring("I want a latte ".length());
      assertTrue(word.matches("[a-z]{" + WarmUpScripts.UNSEEN_WORD_LETTERS + "}"), word);
      variants.add(variant);
    }
    assertEquals(50, variants.size(), "no variant repeats, so no parse cache answers it");
  }
}
