package dev.parley.core.ops;

import dev.parley.core.bot.BotModel;
import java.util.List;
import java.util.Optional;

/**
 * One bot of the start-up warm-up and how far it may be driven: whole turns when a turn calls
 * nothing outside this server (no custom action, no LLM, no re-check stage), only parses when the
 * NLU stays inside it, otherwise not at all (a warm-up must not place an order or spend tokens).
 *
 * @param tenant the tenant
 * @param bot the bot
 * @param kind what the warm-up sends
 * @param conversations the user messages of each warm-up conversation
 */
public record WarmUpTarget(String tenant, String bot, Kind kind, List<List<String>> conversations) {

  /** What the warm-up sends to a bot. */
  public enum Kind {
    /** Whole turns through the REST channel. */
    TURNS,
    /** Only parses ({@code model/parse}). */
    PARSES
  }

  /** Copies the list. */
  public WarmUpTarget {
    conversations = List.copyOf(conversations);
  }

  /** How far a bot may be warmed up, if at all. */
  static Optional<Kind> kindFor(BotModel model) {
    if (model.nlu().rechecks()) {
      return Optional.empty();
    }
    boolean staysInside =
        model.domain().actions().isEmpty()
            && model.actions().isEmpty()
            && model.actionEndpoint().isEmpty()
            && model.generation().isEmpty();
    return Optional.of(staysInside ? Kind.TURNS : Kind.PARSES);
  }

  /** The request path of one message, under the server's base URL. */
  String path() {
    String base = "/api/tenants/" + tenant + "/bots/" + bot;
    return kind == Kind.TURNS ? base + "/webhooks/rest/webhook" : base + "/model/parse";
  }
}
