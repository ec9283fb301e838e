package dev.parley.core.bot;

import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval intents as Rasa's ResponseSelector presents them: a classifier trained on {@code
 * faq/ask_hours} examples predicts the full name; the message's intent becomes the base intent
 * {@code faq} (what rules and stories name) and {@code response_selector} keeps the full key and
 * its {@code utter_faq/ask_hours} response, which the {@code utter_faq} action then sends.
 */
public final class RetrievalIntents {

  private static final char SEPARATOR = '/';

  private RetrievalIntents() {}

  /** The full retrieval intent the message was classified as, else its intent's name. */
  @SuppressWarnings("unchecked")
  public static String fullIntent(ParseResult parse) {
    String base = parse.intent().name();
    if (parse.responseSelector().get(base) instanceof Map<?, ?> entry
        && entry.get("response") instanceof Map<?, ?> response
        && response.get("intent_response_key") instanceof String key) {
      return key;
    }
    return base;
  }

  /** The base intent of a name ({@code faq} for {@code faq/ask_hours}). */
  public static String base(String intent) {
    int slash = intent.indexOf(SEPARATOR);
    return slash > 0 ? intent.substring(0, slash) : intent;
  }

  /** The parse result with retrieval intents folded into their base and a response selector. */
  public static ParseResult split(ParseResult parse) {
    boolean any =
        parse.intentRanking().stream().anyMatch(i -> i.name().indexOf(SEPARATOR) > 0)
            || parse.intent().name().indexOf(SEPARATOR) > 0;
    if (!any) {
      return parse;
    }
    Map<String, List<IntentPrediction>> byBase = new LinkedHashMap<>();
    List<IntentPrediction> ranking = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (IntentPrediction prediction : parse.intentRanking()) {
      String base = base(prediction.name());
      if (prediction.name().indexOf(SEPARATOR) > 0) {
        byBase.computeIfAbsent(base, key -> new ArrayList<>()).add(prediction);
      }
      if (seen.add(base)) {
        ranking.add(new IntentPrediction(base, prediction.confidence()));
      }
    }
    String full = parse.intent().name();
    IntentPrediction intent = new IntentPrediction(base(full), parse.intent().confidence());
    if (full.indexOf(SEPARATOR) > 0) {
      byBase
          .computeIfAbsent(base(full), key -> new ArrayList<>())
          .removeIf(p -> p.name().equals(full));
      byBase.get(base(full)).add(0, parse.intent());
    }
    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put("all_retrieval_intents", List.copyOf(byBase.keySet()));
    byBase.forEach(
        (base, predictions) -> {
          IntentPrediction best = predictions.get(0);
          Map<String, Object> response = new LinkedHashMap<>();
          response.put("intent_response_key", best.name());
          response.put("utter_action", "utter_" + best.name());
          response.put("confidence", best.confidence());
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("response", response);
          entry.put(
              "ranking",
              predictions.stream()
                  .map(
                      p ->
                          Map.<String, Object>of(
                              "intent_response_key", p.name(), "confidence", p.confidence()))
                  .toList());
          selector.put(base, entry);
        });
    return new ParseResult(
        parse.text(), intent, ranking, parse.entities(), selector, parse.decision());
  }

  /**
   * The response to send for {@code utter_<base>}: {@code utter_<full key>} from the latest
   * message's response selector, if it chose one.
   */
  @SuppressWarnings("unchecked")
  public static java.util.Optional<String> responseFor(String utterAction, ParseResult parse) {
    if (parse == null || !utterAction.startsWith("utter_")) {
      return java.util.Optional.empty();
    }
    Object entry = parse.responseSelector().get(utterAction.substring("utter_".length()));
    if (entry instanceof Map<?, ?> map && map.get("response") instanceof Map<?, ?> response) {
      return java.util.Optional.ofNullable(
          (String) ((Map<String, Object>) response).get("utter_action"));
    }
    return java.util.Optional.empty();
  }
}
