package dev.parley.core.turn;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.ResponseVariation;
import dev.parley.plugin.bot.ResponseVariation.Button;
import dev.parley.plugin.conversation.ConversationView;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a domain response: picks a variation (conditional variations whose slot conditions hold
 * take precedence over unconditional ones, as in Rasa; ties are chosen at random) and fills {@code
 * {slot}} placeholders with slot values or extra arguments.
 */
public final class ResponseRenderer {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)\\}");
  private static final String CHANNEL = "rest";

  private ResponseRenderer() {}

  /** The rendered response, or empty if the domain has no usable variation of it. */
  public static Optional<BotMessage> render(
      String name, Domain domain, ConversationView conversation, Map<String, Object> arguments) {
    List<ResponseVariation> variations = domain.responses().get(name);
    if (variations == null || variations.isEmpty()) {
      return Optional.empty();
    }
    List<ResponseVariation> usable =
        variations.stream()
            .filter(v -> v.channel() == null || v.channel().equals(CHANNEL))
            .filter(v -> conditionsHold(v, conversation))
            .toList();
    List<ResponseVariation> conditional =
        usable.stream().filter(v -> !v.conditions().isEmpty()).toList();
    List<ResponseVariation> candidates = conditional.isEmpty() ? usable : conditional;
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    ResponseVariation chosen =
        candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    Map<String, Object> slots = conversation.slots();
    return Optional.of(
        new BotMessage(
            fill(chosen.text(), slots, arguments),
            chosen.buttons().stream()
                .map(
                    b ->
                        new Button(
                            fill(b.title(), slots, arguments), fill(b.payload(), slots, arguments)))
                .toList(),
            fill(chosen.image(), slots, arguments),
            chosen.custom(),
            name));
  }

  private static boolean conditionsHold(
      ResponseVariation variation, ConversationView conversation) {
    return variation.conditions().stream()
        .allMatch(
            condition ->
                Objects.equals(
                    asText(conversation.slots().get(condition.name())), asText(condition.value())));
  }

  /** A value as text; whole numbers of a float slot without ".0" ({@code 4}, not {@code 4.0}). */
  private static String asText(Object value) {
    if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
      return String.valueOf(number.longValue());
    }
    return value == null ? null : String.valueOf(value);
  }

  static String fill(String template, Map<String, Object> slots, Map<String, Object> arguments) {
    if (template == null || template.indexOf('{') < 0) {
      return template;
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1);
      String replacement;
      if (arguments.containsKey(key)) {
        replacement = asText(arguments.get(key));
      } else if (slots.containsKey(key)) {
        replacement = slots.get(key) == null ? "None" : asText(slots.get(key));
      } else {
        replacement = matcher.group();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
