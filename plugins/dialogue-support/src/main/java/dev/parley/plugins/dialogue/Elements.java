package dev.parley.plugins.dialogue;

import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugins.dialogue.Element.EntityRef;
import dev.parley.plugins.dialogue.Element.Kind;
import java.util.ArrayList;
import java.util.List;

/** Builds element lists from a conversation's events and from story or rule steps. */
public final class Elements {

  /** Waiting for the user. */
  public static final String ACTION_LISTEN = "action_listen";

  private static final String SESSION_START = "action_session_start";

  private Elements() {}

  /**
   * A conversation's elements: user messages, actions (without {@code action_listen} and the
   * session start), slot and loop changes, each with the loop active before it.
   */
  public static List<Element> ofEvents(List<Event> events, boolean withListens) {
    List<Element> elements = new ArrayList<>();
    String loop = null;
    for (Event event : events) {
      if (event instanceof UserUttered user) {
        List<EntityRef> entities = new ArrayList<>();
        if (user.parseData() != null) {
          user.parseData()
              .entities()
              .forEach(e -> entities.add(new EntityRef(e.entity(), String.valueOf(e.value()))));
        }
        elements.add(new Element(Kind.USER, user.intentName(), null, entities, loop));
      } else if (event instanceof ActionExecuted action) {
        boolean listen = action.name().equals(ACTION_LISTEN);
        if (!action.name().equals(SESSION_START) && (withListens || !listen)) {
          elements.add(new Element(Kind.ACTION, action.name(), null, null, loop));
        }
      } else if (event instanceof SlotSet slot) {
        elements.add(new Element(Kind.SLOT, slot.name(), slot.value(), null, loop));
      } else if (event instanceof ActiveLoop active) {
        elements.add(new Element(Kind.LOOP, active.name(), null, null, loop));
        loop = active.name();
      }
    }
    return elements;
  }

  /**
   * The elements of story or rule steps; with {@code withListens}, {@code action_listen} is
   * inserted where the bot waits: before every user step that follows an action, and at the very
   * start.
   */
  public static List<Element> ofSteps(List<StoryStep> steps, boolean withListens) {
    List<Element> elements = new ArrayList<>();
    if (withListens) {
      elements.add(new Element(Kind.ACTION, ACTION_LISTEN, null, null, null));
    }
    boolean lastWasAction = false;
    for (StoryStep step : steps) {
      if (step instanceof StoryStep.User user) {
        if (withListens && lastWasAction) {
          elements.add(new Element(Kind.ACTION, ACTION_LISTEN, null, null, null));
        }
        List<EntityRef> entities =
            user.entities().stream().map(e -> new EntityRef(e.entity(), e.value())).toList();
        elements.add(new Element(Kind.USER, user.intent(), null, entities, null));
        lastWasAction = false;
      } else if (step instanceof StoryStep.Action action && action.name() != null) {
        if (action.name().equals(ACTION_LISTEN) && !withListens) {
          continue;
        }
        elements.add(new Element(Kind.ACTION, action.name(), null, null, null));
        lastWasAction = true;
      } else if (step instanceof StoryStep.Slot slot) {
        elements.add(new Element(Kind.SLOT, slot.name(), slot.value(), null, null));
      } else if (step instanceof StoryStep.Loop loop) {
        elements.add(new Element(Kind.LOOP, loop.name(), null, null, null));
      }
    }
    return elements;
  }
}
