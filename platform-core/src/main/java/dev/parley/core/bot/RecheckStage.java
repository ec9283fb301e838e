package dev.parley.core.bot;

import dev.parley.plugin.nlu.IntentRecheck;

/**
 * One stage of a bot's fallback chain, from {@code parley.recheck} in {@code config.yml}.
 *
 * @param id the stage id shown in parse results and metrics
 * @param worker the plugin's worker
 * @param timeoutMillis how long the core waits for the stage's answer
 */
public record RecheckStage(String id, IntentRecheck worker, long timeoutMillis) {

  /** How long a stage may take unless the bot says otherwise. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 1500;
}
