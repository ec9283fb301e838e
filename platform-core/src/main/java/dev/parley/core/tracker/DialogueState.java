package dev.parley.core.tracker;

import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.AllSlotsReset;
import dev.parley.plugin.conversation.ConversationPaused;
import dev.parley.plugin.conversation.ConversationResumed;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.FollowupAction;
import dev.parley.plugin.conversation.LoopInterrupted;
import dev.parley.plugin.conversation.Restarted;
import dev.parley.plugin.conversation.SessionStarted;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The state derived from applying events one after the other (Rasa's tracker semantics). */
final class DialogueState {

  private final Map<String, SlotDefinition> slotDefinitions;
  private final Map<String, Object> slots = new LinkedHashMap<>();
  private UserUttered latestMessage;
  private String latestActionName;
  private String activeLoop;
  private boolean loopInterrupted;
  private boolean loopRejected;
  private boolean paused;
  private String followupAction;

  DialogueState(Map<String, SlotDefinition> slotDefinitions) {
    this.slotDefinitions = slotDefinitions;
    resetSlots();
  }

  DialogueState copy() {
    DialogueState copy = new DialogueState(slotDefinitions);
    copy.slots.clear();
    copy.slots.putAll(slots);
    copy.latestMessage = latestMessage;
    copy.latestActionName = latestActionName;
    copy.activeLoop = activeLoop;
    copy.loopInterrupted = loopInterrupted;
    copy.loopRejected = loopRejected;
    copy.paused = paused;
    copy.followupAction = followupAction;
    return copy;
  }

  void apply(Event event) {
    if (event instanceof UserUttered user) {
      latestMessage = user;
    } else if (event instanceof ActionExecuted action) {
      latestActionName = action.name();
      if (action.name().equals(activeLoop)) {
        loopRejected = false; // Rasa: the loop ran again
      }
      if (action.name().equals(followupAction)) {
        followupAction = null;
      }
    } else if (event instanceof SlotSet slot) {
      slots.put(slot.name(), slot.value());
    } else if (event instanceof ActiveLoop loop) {
      activeLoop = loop.name();
      loopInterrupted = false;
      loopRejected = false;
    } else if (event instanceof ActionExecutionRejected rejection) {
      loopRejected |= rejection.name().equals(activeLoop);
    } else if (event instanceof LoopInterrupted interrupted) {
      loopInterrupted = interrupted.isInterrupted();
    } else if (event instanceof Restarted || event instanceof SessionStarted) {
      resetAll();
    } else if (event instanceof AllSlotsReset) {
      resetSlots();
    } else if (event instanceof FollowupAction followup) {
      followupAction = followup.name();
    } else if (event instanceof ConversationPaused) {
      paused = true;
    } else if (event instanceof ConversationResumed) {
      paused = false;
    }
  }

  private void resetAll() {
    resetSlots();
    latestMessage = null;
    latestActionName = null;
    activeLoop = null;
    loopInterrupted = false;
    loopRejected = false;
    paused = false;
    followupAction = null;
  }

  private void resetSlots() {
    slots.clear();
    slotDefinitions.values().forEach(slot -> slots.put(slot.name(), slot.initialValue()));
  }

  Map<String, Object> slots() {
    return slots;
  }

  Optional<UserUttered> latestMessage() {
    return Optional.ofNullable(latestMessage);
  }

  Optional<String> latestActionName() {
    return Optional.ofNullable(latestActionName);
  }

  Optional<String> activeLoop() {
    return Optional.ofNullable(activeLoop);
  }

  boolean loopInterrupted() {
    return loopInterrupted;
  }

  /** Rasa's {@code is_active_loop_rejected}: the loop rejected and has not run since. */
  boolean loopRejected() {
    return loopRejected;
  }

  boolean paused() {
    return paused;
  }

  Optional<String> followupAction() {
    return Optional.ofNullable(followupAction);
  }
}
