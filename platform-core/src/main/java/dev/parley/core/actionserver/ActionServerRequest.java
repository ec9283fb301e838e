package dev.parley.core.actionserver;

import dev.parley.core.tracker.Tracker;
import dev.parley.core.tracker.TrackerJson;
import dev.parley.plugin.bot.Domain;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body Rasa posts to an action server to run one action. */
final class ActionServerRequest {

  /** The Rasa version Parley speaks as; rasa_sdk 3.x accepts it. */
  static final String RASA_VERSION = "3.6.0";

  private ActionServerRequest() {}

  /**
   * {@code {"next_action", "sender_id", "tracker", "domain", "version"}}, the tracker with every
   * event.
   */
  static Map<String, Object> body(String action, Tracker tracker, Domain domain) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("next_action", action);
    body.put("sender_id", tracker.senderId());
    body.put("tracker", TrackerJson.tracker(tracker, "ALL"));
    body.put("domain", DomainDict.of(domain));
    body.put("version", RASA_VERSION);
    return body;
  }
}
