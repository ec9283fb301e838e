package dev.parley.core.turn;

/** Names of Rasa's default actions that the core runs itself. */
public final class CoreActionNames {
  /** Wait for the user. */
  public static final String LISTEN = "action_listen";

  /** Forget the conversation so far. */
  public static final String RESTART = "action_restart";

  /** Start a new session. */
  public static final String SESSION_START = "action_session_start";

  /** Say {@code utter_default} and undo the user's message. */
  public static final String DEFAULT_FALLBACK = "action_default_fallback";

  /** Deactivate the active loop. */
  public static final String DEACTIVATE_LOOP = "action_deactivate_loop";

  /** Undo the last user message and the bot's reply. */
  public static final String BACK = "action_back";

  /** Ask the user to confirm a doubtful intent, then to rephrase, then fall back. */
  public static final String TWO_STAGE_FALLBACK = "action_two_stage_fallback";

  /** Ask "Did you mean …?" with Yes/No buttons. */
  public static final String ASK_AFFIRMATION = "action_default_ask_affirmation";

  /** Ask the user to rephrase ({@code utter_ask_rephrase}). */
  public static final String ASK_REPHRASE = "action_default_ask_rephrase";

  /** The intent Rasa's "No" button sends. */
  public static final String OUT_OF_SCOPE = "out_of_scope";

  private CoreActionNames() {}
}
