package dev.parley.plugins.testkit;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.Rule;
import dev.parley.plugin.bot.SessionConfig;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.bot.TrainingData.NamedPatterns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds training data for tests. */
public final class TrainingDataBuilder {

  private final List<NluExample> examples = new ArrayList<>();
  private final Map<String, String> synonyms = new HashMap<>();
  private final List<NamedPatterns> regexes = new ArrayList<>();
  private final List<NamedPatterns> lookups = new ArrayList<>();
  private final List<Story> stories = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();
  private Domain domain = emptyDomain();

  /** A domain with nothing in it. */
  public static Domain emptyDomain() {
    return new Domain(
        List.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of(), new SessionConfig(60, true));
  }

  /** Adds examples of an intent. */
  public TrainingDataBuilder intent(String intent, String... texts) {
    for (String text : texts) {
      examples.add(new NluExample(text, intent, List.of()));
    }
    return this;
  }

  /** Adds an annotated example. */
  public TrainingDataBuilder example(NluExample example) {
    examples.add(example);
    return this;
  }

  /** Adds a synonym. */
  public TrainingDataBuilder synonym(String text, String canonical) {
    synonyms.put(text, canonical);
    return this;
  }

  /** Adds a regex. */
  public TrainingDataBuilder regex(String name, String... patterns) {
    regexes.add(new NamedPatterns(name, List.of(patterns)));
    return this;
  }

  /** Adds a lookup table. */
  public TrainingDataBuilder lookup(String name, String... entries) {
    lookups.add(new NamedPatterns(name, List.of(entries)));
    return this;
  }

  /** Adds a story. */
  public TrainingDataBuilder story(Story story) {
    stories.add(story);
    return this;
  }

  /** Adds a rule. */
  public TrainingDataBuilder rule(Rule rule) {
    rules.add(rule);
    return this;
  }

  /** Uses this domain. */
  public TrainingDataBuilder domain(Domain value) {
    domain = value;
    return this;
  }

  /**
   * A small bilingual (English / Chinese) set of three intents, greet, goodbye and order, eight
   * examples each: the classifiers' common training fixture.
   */
  public static TrainingData bilingualIntents() {
    return new TrainingDataBuilder()
        .intent("greet", "hi", "hello", "hey there", "good morning", "你好", "您好", "早上好", "哈喽")
        .intent("goodbye", "bye", "goodbye", "see you later", "bye bye", "再见", "拜拜", "回见", "下次见")
        .intent(
            "order",
            "I want to order a pizza",
            "can I order food",
            "order a meal please",
            "i'd like a burger",
            "我要点餐",
            "我想点一份套餐",
            "来一份牛肉面",
            "帮我点个外卖")
        .build();
  }

  /**
   * A small English set of four intents (greet, goodbye, order_pizza, ask_weather), five or six
   * examples each: the embedding classifiers' common training fixture.
   */
  public static TrainingData englishIntents() {
    return new TrainingDataBuilder()
        .intent("greet", "hi", "hello", "hey there", "good morning", "hello bot", "hi, how are you")
        .intent("goodbye", "bye", "goodbye", "see you later", "talk to you soon", "catch you later")
        .intent(
            "order_pizza",
            "I want to order a pizza",
            "can I get a large pepperoni pizza",
            "order a margherita please",
            "get me a pizza with mushrooms",
            "pizza delivery please")
        .intent(
            "ask_weather",
            "what's the weather like today",
            "will it rain tomorrow",
            "is it sunny outside",
            "weather forecast for the weekend",
            "do I need an umbrella today")
        .build();
  }

  /** The training data. */
  public TrainingData build() {
    return new TrainingData("en", domain, examples, synonyms, regexes, lookups, stories, rules);
  }
}
