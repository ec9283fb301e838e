package dev.parley.core.bot.definition;

import java.util.Set;

/** The names of Rasa's default actions; they never run on an action server. */
public final class RasaDefaultActions {

  /** Every default action name. */
  public static final Set<String> NAMES =
      Set.of(
          "action_listen",
          "action_restart",
          "action_session_start",
          "action_default_fallback",
          "action_deactivate_loop",
          "action_revert_fallback_events",
          "action_default_ask_affirmation",
          "action_default_ask_rephrase",
          "action_two_stage_fallback",
          "action_back",
          "action_extract_slots",
          "action_unlikely_intent");

  private RasaDefaultActions() {}
}
