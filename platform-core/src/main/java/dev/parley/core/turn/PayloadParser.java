package dev.parley.core.turn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.parley.core.bot.RetrievalIntents;
import dev.parley.core.json.Json;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Button payloads such as {@code /choose{"size": "large"}}: the intent is taken as given
 * (confidence 1) and the JSON object becomes entities, as in Rasa.
 */
final class PayloadParser {

  private static final Pattern PAYLOAD =
      Pattern.compile("^/([^{\\s]+)\\s*(\\{.*\\})?\\s*$", Pattern.DOTALL);
  private static final String EXTRACTOR = "payload";

  private PayloadParser() {}

  static Optional<ParseResult> parse(String text, Domain domain) {
    Matcher matcher = PAYLOAD.matcher(text);
    if (!matcher.matches() || !domain.intents().contains(RetrievalIntents.base(matcher.group(1)))) {
      return Optional.empty();
    }
    List<Entity> entities = new ArrayList<>();
    if (matcher.group(2) != null) {
      try {
        Map<String, Object> values =
            Json.mapper().readValue(matcher.group(2), new TypeReference<Map<String, Object>>() {});
        values.forEach(
            (name, value) ->
                entities.add(Entity.of(name, value, 0, text.length(), 1.0, EXTRACTOR)));
      } catch (JsonProcessingException e) {
        return Optional.empty();
      }
    }
    IntentPrediction intent = new IntentPrediction(matcher.group(1), 1.0);
    return Optional.of(
        RetrievalIntents.split(new ParseResult(text, intent, List.of(intent), entities)));
  }
}
