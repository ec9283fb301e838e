package dev.parley.core.ops;

import dev.parley.core.bot.definition.BotProject;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The conversations a bot's warm-up sends, taken from its own project: each story (training and
 * test stories) as the user would type it (a {@code user:} text, or one of the intent's examples
 * for an intent-only step), then the NLU examples in random order, a few per conversation. Replays
 * after the first send each message with an unknown word appended ({@link #unseen}), so that the
 * parse cache does not answer them and the uncached parse (and the encoder path of messages the
 * n-gram model is unsure of) is compiled too, as live input needs.
 */
public final class WarmUpScripts {

  /** User messages per conversation made of NLU examples. */
  static final int EXAMPLES_PER_CONVERSATION = 5;

  /** At most this many conversations per bot. */
  static final int MAX_CONVERSATIONS = 400;

  /** Letters of the made-up word of {@link #unseen}. */
  static final int UNSEEN_WORD_LETTERS = 5;

  private WarmUpScripts() {}

  /**
   * The bot's warm-up conversations, each a non-empty list of user messages.
   *
   * @param project the bot's project
   * @param seed the seed of the random choices (examples for intents, their order)
   */
  public static List<List<String>> of(BotProject project, long seed) {
    Random random = new Random(seed);
    List<NluExample> examples = project.trainingData().examples();
    Map<String, List<String>> textsByIntent =
        examples.stream()
            .collect(
                Collectors.groupingBy(
                    NluExample::intent, Collectors.mapping(NluExample::text, Collectors.toList())));
    List<List<String>> conversations = new ArrayList<>();
    List<Story> stories = new ArrayList<>(project.trainingData().stories());
    stories.addAll(project.testStories());
    for (Story story : stories) {
      List<String> said = userMessages(story, textsByIntent, random);
      if (!said.isEmpty() && conversations.size() < MAX_CONVERSATIONS) {
        conversations.add(said);
      }
    }
    List<String> shuffled = new ArrayList<>(examples.stream().map(NluExample::text).toList());
    Collections.shuffle(shuffled, random);
    for (int start = 0;
        start < shuffled.size() && conversations.size() < MAX_CONVERSATIONS;
        start += EXAMPLES_PER_CONVERSATION) {
      conversations.add(
          List.copyOf(
              shuffled.subList(
                  start, Math.min(shuffled.size(), start + EXAMPLES_PER_CONVERSATION))));
    }
    return List.copyOf(conversations);
  }

  /**
   * The text with a made-up lowercase word appended: a message no parse cache has seen, as most
   * live input is.
   */
  public static String unseen(String text, Random random) {
    char[] word = new char[UNSEEN_WORD_LETTERS];
    for (int i = 0; i < word.length; i++) {
      word[i] = (char) ('a' + random.nextInt(26));
    }
    return text + " " + new String(word);
  }

  private static List<String> userMessages(
      Story story, Map<String, List<String>> textsByIntent, Random random) {
    List<String> said = new ArrayList<>();
    for (StoryStep step : story.steps()) {
      if (step instanceof StoryStep.User user) {
        if (user.text() != null && !user.text().isBlank()) {
          said.add(user.text().strip());
        } else {
          List<String> texts = textsByIntent.getOrDefault(user.intent(), List.of());
          if (!texts.isEmpty()) {
            said.add(texts.get(random.nextInt(texts.size())));
          }
        }
      }
    }
    return said;
  }
}
