package dev.parley.core.llm;

import dev.parley.core.bot.definition.GeneratorSettings;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.conversation.BotUttered;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.response.MemoryEntry;
import dev.parley.plugin.response.MemoryEntry.Role;
import dev.parley.plugin.response.ResponseRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds what a generator sees from the conversation: the template, the bot's instructions, the
 * slots and the latest turns with slot changes in between (memory derived from the event log, so
 * slots and memory cannot drift apart). Sensitive slots are left out and their values masked in the
 * memory, unless the bot allows them.
 */
public final class GenerationRequests {

  private static final String REQUESTED_SLOT = "requested_slot";
  private static final String WITHHELD = "[withheld]";
  private static final int MIN_MASKED_CHARS = 3;

  private GenerationRequests() {}

  /** The request for one response. */
  public static ResponseRequest build(
      String responseName,
      String templateText,
      ConversationView conversation,
      Domain domain,
      GeneratorSettings settings,
      String language) {
    Map<String, String> masks =
        settings.allowSensitiveSlots() ? Map.of() : sensitiveValues(conversation, domain);
    Map<String, Object> slots = new LinkedHashMap<>();
    conversation
        .slots()
        .forEach(
            (name, value) -> {
              if (value != null
                  && !name.equals(REQUESTED_SLOT)
                  && visible(name, settings, domain)) {
                slots.put(name, value);
              }
            });
    return new ResponseRequest(
        responseName,
        templateText,
        settings.instructions(),
        slots,
        memory(conversation, settings, domain, masks),
        requestedSlot(responseName, domain),
        language);
  }

  /** The values of the sensitive slots that are set, which no reply may contain. */
  public static List<String> protectedValues(ConversationView conversation, Domain domain) {
    return List.copyOf(sensitiveValues(conversation, domain).keySet());
  }

  /**
   * The slot a response asks for: {@code utter_ask_<slot>} or {@code utter_ask_<form>_<slot>}, when
   * the domain declares that slot.
   */
  public static Optional<String> requestedSlot(String responseName, Domain domain) {
    if (!responseName.startsWith("utter_ask_")) {
      return Optional.empty();
    }
    String rest = responseName.substring("utter_ask_".length());
    if (domain.slots().containsKey(rest)) {
      return Optional.of(rest);
    }
    for (String form : domain.forms().keySet()) {
      String prefix = form + "_";
      if (rest.startsWith(prefix) && domain.slots().containsKey(rest.substring(prefix.length()))) {
        return Optional.of(rest.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }

  private static boolean visible(String slot, GeneratorSettings settings, Domain domain) {
    return settings.allowSensitiveSlots()
        || !domain.slot(slot).map(SlotDefinition::sensitive).orElse(false);
  }

  private static Map<String, String> sensitiveValues(ConversationView conversation, Domain domain) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Event event : conversation.events()) {
      if (event instanceof SlotSet set
          && set.value() != null
          && domain.slot(set.name()).map(SlotDefinition::sensitive).orElse(false)) {
        String text = String.valueOf(set.value()).strip();
        if (text.length() >= MIN_MASKED_CHARS) {
          values.put(text, "[" + set.name() + "]");
        }
      }
    }
    return values;
  }

  private static List<MemoryEntry> memory(
      ConversationView conversation,
      GeneratorSettings settings,
      Domain domain,
      Map<String, String> masks) {
    List<MemoryEntry> newestFirst = new ArrayList<>();
    List<Event> events = conversation.events();
    int userTurns = 0;
    for (int i = events.size() - 1; i >= 0 && userTurns < settings.memoryTurns(); i--) {
      Event event = events.get(i);
      if (event instanceof UserUttered user && user.text() != null) {
        newestFirst.add(new MemoryEntry(Role.USER, mask(user.text(), masks)));
        userTurns++;
      } else if (event instanceof BotUttered bot && bot.text() != null) {
        newestFirst.add(new MemoryEntry(Role.BOT, mask(bot.text(), masks)));
      } else if (event instanceof SlotSet set && !set.name().equals(REQUESTED_SLOT)) {
        String value =
            set.value() == null
                ? "unset"
                : visible(set.name(), settings, domain) ? String.valueOf(set.value()) : WITHHELD;
        newestFirst.add(new MemoryEntry(Role.SLOT, set.name() + " = " + value));
      }
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  private static String mask(String text, Map<String, String> masks) {
    String masked = text;
    for (Map.Entry<String, String> entry : masks.entrySet()) {
      masked = masked.replace(entry.getKey(), entry.getValue());
    }
    return masked;
  }
}
