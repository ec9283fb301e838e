package dev.parley.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.console.SensitiveMasking;
import dev.parley.core.json.Json;
import dev.parley.core.security.CurrentCaller;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.tracker.jpa.ConversationDirectory;
import dev.parley.core.turn.ConversationQueries;
import dev.parley.plugin.bot.SlotDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The console's view of a serving bot's conversations: finding them, reading one with sensitive
 * values masked for callers who may not see them, and erasing one. The stores it reads own their
 * transactions (a conversation is read through the cache), so these calls open none.
 */
@ApplicationScoped
public class ConversationAdminService {

  private BotCatalog catalog;
  private ConversationQueries conversations;
  private ConversationDirectory directory;
  private CurrentCaller caller;

  /** For CDI proxies. */
  protected ConversationAdminService() {}

  /** Wires the collaborators. */
  @Inject
  public ConversationAdminService(
      BotCatalog catalog,
      ConversationQueries conversations,
      ConversationDirectory directory,
      CurrentCaller caller) {
    this.catalog = catalog;
    this.conversations = conversations;
    this.directory = directory;
    this.caller = caller;
  }

  /**
   * A conversation found: its sender, when it started, and what the list shows of it (masked like
   * the conversation itself).
   */
  public record Found(String sender, Instant startedAt, ConversationSummary summary) {}

  /**
   * One conversation as the caller may see it.
   *
   * @param slots the current slots, sensitive values masked unless revealed
   * @param sensitiveSlots the names of the bot's sensitive slots, sorted
   * @param masked whether sensitive values were masked
   * @param activeLoop the active form, if any
   * @param events every stored event (all sessions), masked like the slots
   */
  public record ConversationView(
      Map<String, Object> slots,
      Set<String> sensitiveSlots,
      boolean masked,
      Optional<String> activeLoop,
      List<JsonNode> events) {}

  /** The serving bot, or {@code not_found}. */
  public LoadedBot serving(String tenant, String bot) {
    return catalog.find(tenant, bot).orElseThrow(() -> AdminException.notFound("bot"));
  }

  /**
   * The serving bot's conversations whose sender starts with {@code senderPrefix} and that started
   * in {@code [from, to)}, newest first, at most {@code limit} (kept within 1 to 200), each with
   * its summary (which reads the conversation's events).
   */
  public List<Found> find(
      String tenant, String bot, String senderPrefix, Instant from, Instant to, int limit) {
    BotModel model = serving(tenant, bot).model();
    return directory
        .find(tenant, bot, senderPrefix, from, to, Math.max(1, Math.min(limit, 200)))
        .stream()
        .map(entry -> new Found(entry.sender(), entry.createdAt(), summary(model, entry.sender())))
        .toList();
  }

  private ConversationSummary summary(BotModel model, String sender) {
    List<JsonNode> events = Json.eventTrees(conversations.tracker(model, sender).allEvents());
    if (!reveals(model)) {
      SensitiveMasking.maskEvents(events, sensitiveSlots(model));
    }
    return ConversationSummary.of(events);
  }

  /** One conversation's events and current slots, or {@code not_found} when it never spoke. */
  public ConversationView conversation(BotModel model, String sender) {
    Tracker tracker = conversations.tracker(model, sender);
    if (tracker.allEvents().isEmpty()) {
      throw AdminException.notFound("conversation");
    }
    boolean reveal = reveals(model);
    Set<String> sensitive = sensitiveSlots(model);
    List<JsonNode> events = Json.eventTrees(tracker.allEvents());
    if (!reveal) {
      SensitiveMasking.maskEvents(events, sensitive);
    }
    return new ConversationView(
        visibleSlots(model, tracker.slots()), sensitive, !reveal, tracker.activeLoop(), events);
  }

  /** A conversation's current slots as the caller may see them. */
  public Map<String, Object> currentSlots(BotModel model, String sender) {
    return visibleSlots(model, conversations.tracker(model, sender).slots());
  }

  /** Erases a conversation (store and cache), or {@code not_found} when there was none. */
  public void erase(BotModel model, String sender) {
    if (!conversations.erase(model, sender)) {
      throw AdminException.notFound("conversation");
    }
  }

  private Map<String, Object> visibleSlots(BotModel model, Map<String, Object> slots) {
    if (reveals(model)) {
      return slots;
    }
    Set<String> sensitive = sensitiveSlots(model);
    Map<String, Object> out = new LinkedHashMap<>();
    slots.forEach(
        (name, value) ->
            out.put(
                name, sensitive.contains(name) && value != null ? SensitiveMasking.MASK : value));
    return out;
  }

  private boolean reveals(BotModel model) {
    return caller.require().seesSensitive(model.tenant());
  }

  private static Set<String> sensitiveSlots(BotModel model) {
    return model.domain().slots().values().stream()
        .filter(SlotDefinition::sensitive)
        .map(SlotDefinition::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
