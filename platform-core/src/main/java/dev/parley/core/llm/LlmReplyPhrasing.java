package dev.parley.core.llm;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.ReplyGeneration;
import dev.parley.core.plugin.GuardedKind;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginKey;
import dev.parley.core.plugin.RemoteCall;
import dev.parley.core.replychecks.BuiltInChecks;
import dev.parley.core.turn.BotMessage;
import dev.parley.core.turn.ReplyPhrasing;
import dev.parley.core.turn.TurnBudget;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugin.response.ReplyCheck;
import dev.parley.plugin.response.ResponseRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets a bot's generator rephrase a rendered response, then arbitrates: the generated text is sent
 * only if the call through the {@link PluginGuard} answered in time and every check passed;
 * otherwise the template is sent. Either way the decision and its reason are recorded on the bot
 * event and counted.
 */
@ApplicationScoped
public class LlmReplyPhrasing implements ReplyPhrasing {

  private static final Logger LOG = Logger.getLogger(LlmReplyPhrasing.class.getName());
  private static final long MIN_USEFUL_MILLIS = 50;

  private PluginGuard guard;
  private LlmReplyMetrics metrics;

  /** For CDI proxies. */
  protected LlmReplyPhrasing() {}

  /** Wires the guard and the metrics. */
  @Inject
  public LlmReplyPhrasing(PluginGuard guard, LlmReplyMetrics metrics) {
    this.guard = guard;
    this.metrics = metrics;
  }

  @Override
  public BotMessage phrase(
      BotMessage message, ConversationView conversation, BotModel model, TurnBudget budget) {
    if (model.generation().isEmpty()
        || message.responseName() == null
        || message.text() == null
        || message.text().isBlank()
        || !model.generation().get().settings().covers(message.responseName())) {
      return message;
    }
    ReplyGeneration generation = model.generation().get();
    List<String> protectedValues = GenerationRequests.protectedValues(conversation, model.domain());
    if (!generation.settings().allowSensitiveSlots()
        && protectedValues.stream().anyMatch(message.text()::contains)) {
      return template(message, model, "sensitive_template", Optional.empty(), -1);
    }
    long timeout = Math.min(generation.settings().timeoutMillis(), budget.remainingMillis());
    if (timeout < MIN_USEFUL_MILLIS) {
      return template(message, model, "turn_budget_spent", Optional.empty(), -1);
    }
    ResponseRequest request =
        GenerationRequests.build(
            message.responseName(),
            message.text(),
            conversation,
            model.domain(),
            generation.settings(),
            model.config().language());
    long start = System.nanoTime();
    LlmOutcome outcome =
        guard.call(
            RemoteCall.of(
                new PluginKey(
                    GuardedKind.GENERATOR, generation.pluginId(), model.tenant(), model.bot()),
                () -> LlmOutcome.answered(generation.generator().generate(request)),
                timeout,
                LlmOutcome::failed));
    long millis = (System.nanoTime() - start) / 1_000_000L;
    if (outcome.failure().isPresent()) {
      return template(message, model, outcome.failure().get(), Optional.empty(), millis);
    }
    if (outcome.text().isEmpty()) {
      return template(message, model, "empty_reply", Optional.empty(), millis);
    }
    String generated = outcome.text().get();
    ReplyCandidate candidate =
        new ReplyCandidate(
            generated,
            message.text(),
            message.responseName(),
            request.requestedSlot(),
            BuiltInChecks.closes(message.text()),
            protectedValues,
            generation.settings().instructions(),
            model.config().language());
    for (ReplyCheck check : generation.checks()) {
      Optional<String> objection = judge(check, candidate, model);
      if (objection.isPresent()) {
        metrics.rejectedBy(model.tenant(), model.bot(), check.name());
        return template(
            message,
            model,
            "check_failed",
            Optional.of(check.name() + ": " + objection.get()),
            millis);
      }
    }
    metrics.generated(model.tenant(), model.bot());
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("source", "generated");
    record.put("generator", generation.pluginId());
    record.put("latency_ms", millis);
    record.put("template", message.text());
    return message.withGeneration(generated, record);
  }

  private Optional<String> judge(ReplyCheck check, ReplyCandidate candidate, BotModel model) {
    try {
      return check.reject(candidate);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Reply check " + check.name() + " of " + model.tenant() + "/" + model.bot() + " failed",
          e);
      return Optional.of("the check failed: " + e.getClass().getSimpleName());
    }
  }

  private BotMessage template(
      BotMessage message, BotModel model, String reason, Optional<String> detail, long millis) {
    metrics.fellBack(model.tenant(), model.bot(), reason);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("source", "template");
    record.put("generator", model.generation().map(ReplyGeneration::pluginId).orElse(""));
    record.put("reason", reason);
    detail.ifPresent(text -> record.put("detail", text));
    if (millis >= 0) {
      record.put("latency_ms", millis);
    }
    return message.withGeneration(message.text(), record);
  }
}
