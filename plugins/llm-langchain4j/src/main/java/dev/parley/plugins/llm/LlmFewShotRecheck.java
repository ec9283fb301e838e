package dev.parley.plugins.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.IntentRecheck;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.RecheckOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a chat model which intent a message has. Training keeps a few examples of each intent (the
 * first ones of the bot's data, so the prompt is stable). The answer is read strictly: exactly one
 * of the offered intent names (ignoring case, quotes and a final full stop) decides; anything else
 * — {@code none}, an unknown name, prose — leaves the message undecided.
 */
final class LlmFewShotRecheck implements IntentRecheck, Trainable {

  static final String ARTIFACT = "examples.tsv";

  private static final String RULES =
      "You classify the message a user sent to a chatbot. Choose exactly one intent from the list."
          + " Answer with the intent name only, nothing else. If no intent fits, answer none.";

  private final ChatModel model;
  private final int examplesPerIntent;
  private final int candidates;
  private final double confidence;
  private volatile Map<String, List<String>> examples = Map.of();

  LlmFewShotRecheck(ChatModel model, int examplesPerIntent, int candidates, double confidence) {
    this.model = model;
    this.examplesPerIntent = examplesPerIntent;
    this.candidates = candidates;
    this.confidence = confidence;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (NluExample example : data.examples()) {
      List<String> texts = kept.computeIfAbsent(example.intent(), key -> new ArrayList<>());
      String text = example.text().replaceAll("\\s+", " ").strip();
      if (texts.size() < examplesPerIntent && !text.isEmpty() && !texts.contains(text)) {
        texts.add(text);
      }
    }
    StringBuilder tsv = new StringBuilder();
    kept.forEach(
        (intent, texts) -> {
          tsv.append(intent).append('\n');
          texts.forEach(text -> tsv.append(intent).append('\t').append(text).append('\n'));
        });
    storage.write(ARTIFACT, tsv.toString().getBytes(StandardCharsets.UTF_8));
    examples = kept;
  }

  @Override
  public void load(ModelStorage storage) {
    byte[] bytes =
        storage
            .read(ARTIFACT)
            .orElseThrow(() -> new PluginException("no stored examples; retrain the bot"));
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        kept.computeIfAbsent(line, key -> new ArrayList<>());
      } else {
        kept.computeIfAbsent(line.substring(0, tab), key -> new ArrayList<>())
            .add(line.substring(tab + 1));
      }
    }
    examples = kept;
  }

  @Override
  public RecheckOutcome recheck(Message message, List<IntentPrediction> ranking) {
    List<String> offered = offered(ranking);
    if (offered.isEmpty()) {
      return RecheckOutcome.undecided(ranking);
    }
    ChatResponse response;
    try {
      response =
          model.chat(SystemMessage.from(RULES), UserMessage.from(prompt(offered, message.text())));
    } catch (RuntimeException e) {
      throw new PluginException("the chat model failed: " + e.getClass().getSimpleName(), e);
    }
    String answer =
        response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    return intentIn(answer, offered)
        .map(intent -> RecheckOutcome.decided(ranked(intent, ranking)))
        .orElseGet(() -> RecheckOutcome.undecided(ranking));
  }

  /** The intents offered to the model: all, or the classifiers' top N that the bot knows. */
  private List<String> offered(List<IntentPrediction> ranking) {
    if (candidates <= 0) {
      return List.copyOf(examples.keySet());
    }
    return ranking.stream()
        .map(IntentPrediction::name)
        .filter(examples::containsKey)
        .limit(candidates)
        .toList();
  }

  private String prompt(List<String> offered, String text) {
    StringBuilder prompt = new StringBuilder("Intents, with example messages:\n");
    for (String intent : offered) {
      prompt.append("- ").append(intent);
      List<String> texts = examples.getOrDefault(intent, List.of());
      if (!texts.isEmpty()) {
        prompt.append(": ");
        for (int i = 0; i < texts.size(); i++) {
          prompt.append(i == 0 ? "" : " | ").append('"').append(texts.get(i)).append('"');
        }
      }
      prompt.append('\n');
    }
    prompt.append("\nMessage: \"").append(text.replace('\n', ' ')).append("\"\nIntent:");
    return prompt.toString();
  }

  /** The offered intent the answer names, read strictly. */
  static Optional<String> intentIn(String answer, List<String> offered) {
    if (answer == null) {
      return Optional.empty();
    }
    String name = answer.strip();
    String before;
    do {
      before = name;
      if (name.endsWith(".")) {
        name = name.substring(0, name.length() - 1).strip();
      }
      if (name.length() >= 2
          && "\"'`".indexOf(name.charAt(0)) >= 0
          && name.charAt(0) == name.charAt(name.length() - 1)) {
        name = name.substring(1, name.length() - 1).strip();
      }
    } while (!name.equals(before));
    for (String intent : offered) {
      if (intent.equalsIgnoreCase(name)) {
        return Optional.of(intent);
      }
    }
    return Optional.empty();
  }

  /** The chosen intent first with the stage's confidence, then the classifiers' others. */
  private List<IntentPrediction> ranked(String intent, List<IntentPrediction> ranking) {
    List<IntentPrediction> ranked = new ArrayList<>();
    ranked.add(new IntentPrediction(intent, confidence));
    ranking.stream().filter(p -> !p.name().equals(intent)).forEach(ranked::add);
    return ranked;
  }
}
