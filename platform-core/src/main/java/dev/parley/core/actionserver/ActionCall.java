package dev.parley.core.actionserver;

import java.net.URI;

/**
 * One request to an action server.
 *
 * @param tenant tenant name
 * @param bot bot name
 * @param action the action to run
 * @param url the bot's action endpoint
 * @param body the JSON body
 */
public record ActionCall(String tenant, String bot, String action, URI url, String body) {

  /** The bot's key for its circuit breaker and metrics. */
  public String botKey() {
    return tenant + "/" + bot;
  }
}
