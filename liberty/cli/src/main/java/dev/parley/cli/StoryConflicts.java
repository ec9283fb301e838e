package dev.parley.cli;

import dev.parley.core.bot.definition.SourceLocation;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Conflicting stories, as Rasa's {@code data validate} finds them: two stories that, after the same
 * last {@code max_history} dialogue states, go on with different actions. A state is what a policy
 * sees before it predicts: the previous action, the user's intent and entities (right after a
 * message), the slots that influence the conversation and the active loop. A user message after a
 * bot action counts as predicting {@code action_listen}. Rules are not checked (the rule policy
 * refuses contradicting rules when it trains).
 */
final class StoryConflicts {

  private static final String LISTEN = "action_listen";

  private final Domain domain;
  private final int maxHistory;

  StoryConflicts(Domain domain, int maxHistory) {
    this.domain = domain;
    this.maxHistory = maxHistory;
  }

  /** One message per pair of conflicting stories, at the first story. */
  List<ValidationMessage> find(List<Story> stories, SourceLines lines) {
    Map<List<String>, Map<String, String>> next = new HashMap<>();
    Set<String> reported = new HashSet<>();
    List<ValidationMessage> conflicts = new ArrayList<>();
    for (Story story : stories) {
      for (Prediction prediction : predictions(story)) {
        Map<String, String> actions =
            next.computeIfAbsent(prediction.history(), k -> new HashMap<>());
        actions.putIfAbsent(prediction.action(), story.name());
        for (Map.Entry<String, String> other : actions.entrySet()) {
          if (other.getKey().equals(prediction.action())
              || other.getValue().equals(story.name())
              || !reported.add(pair(other.getValue(), story.name()))) {
            continue;
          }
          SourceLocation where =
              lines.find(story.name(), SourceLines::dataFile, "data/stories.yml");
          conflicts.add(
              new ValidationMessage(
                  where.file(),
                  where.line(),
                  String.format(
                      "story '%s' conflicts with story '%s': after [%s] one runs '%s', the other"
                          + " '%s' (max_history %d)",
                      story.name(),
                      other.getValue(),
                      describe(prediction.history()),
                      prediction.action(),
                      other.getKey(),
                      maxHistory)));
        }
      }
    }
    return conflicts;
  }

  /** Each action the story predicts, with the states before it. */
  private List<Prediction> predictions(Story story) {
    List<Prediction> out = new ArrayList<>();
    List<String> states = new ArrayList<>();
    String previous = LISTEN;
    String user = null;
    Map<String, String> slots = new TreeMap<>();
    String loop = null;
    boolean started = false;
    for (StoryStep step : story.steps()) {
      if (step instanceof StoryStep.User message) {
        if (started && !previous.equals(LISTEN)) {
          out.add(predict(states, state(previous, null, slots, loop), LISTEN));
        }
        previous = LISTEN;
        user = userOf(message);
        started = true;
      } else if (step instanceof StoryStep.Action action) {
        String name = action.name() != null ? action.name() : "bot: " + action.botText();
        if (started) {
          out.add(
              predict(
                  states,
                  state(previous, previous.equals(LISTEN) ? user : null, slots, loop),
                  name));
        }
        previous = name;
      } else if (step instanceof StoryStep.Slot slot && influences(slot.name())) {
        if (slot.value() == null) {
          slots.remove(slot.name());
        } else {
          slots.put(slot.name(), String.valueOf(slot.value()));
        }
      } else if (step instanceof StoryStep.Loop active) {
        loop = active.name();
      }
    }
    return out;
  }

  private Prediction predict(List<String> states, String state, String action) {
    states.add(state);
    List<String> history =
        List.copyOf(states.subList(Math.max(0, states.size() - maxHistory), states.size()));
    return new Prediction(history, action);
  }

  private static String state(
      String previous, String user, Map<String, String> slots, String loop) {
    StringBuilder state = new StringBuilder("prev: ").append(previous);
    if (user != null) {
      state.append(", ").append(user);
    }
    if (!slots.isEmpty()) {
      state.append(", slots: ").append(slots);
    }
    if (loop != null) {
      state.append(", loop: ").append(loop);
    }
    return state.toString();
  }

  private static String userOf(StoryStep.User message) {
    String said =
        message.intent() != null ? "intent: " + message.intent() : "text: " + message.text();
    if (message.entities().isEmpty()) {
      return said;
    }
    return said
        + " "
        + message.entities().stream()
            .map(StoryStep.EntityValue::entity)
            .sorted()
            .collect(Collectors.joining(",", "{", "}"));
  }

  private boolean influences(String slot) {
    SlotDefinition definition = domain.slots().get(slot);
    return definition != null && definition.influenceConversation();
  }

  private static String describe(List<String> history) {
    return String.join(" | ", history.subList(Math.max(0, history.size() - 2), history.size()));
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

  private record Prediction(List<String> history, String action) {
    Prediction {
      Objects.requireNonNull(history);
    }
  }
}
