package dev.parley.core.bot;

import dev.parley.core.bot.definition.ActionEndpoint;
import dev.parley.core.bot.definition.BotConfig;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.bot.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trained, ready-to-serve version of a bot: its domain, NLU runtime, policies and in-process
 * actions. Immutable and shared by all concurrent turns of the bot.
 *
 * @param tenant tenant name
 * @param bot bot name
 * @param version model version number
 * @param config the parsed {@code config.yml}
 * @param domain the domain
 * @param nlu the NLU runtime
 * @param policies the policies
 * @param actions in-process custom actions by name
 * @param warnings what was substituted or ignored while assembling
 * @param generation the LLM generation that rephrases responses, if the bot uses one
 * @param actionEndpoint the bot's action server, if it has one
 */
public record BotModel(
    String tenant,
    String bot,
    int version,
    BotConfig config,
    Domain domain,
    NluRuntime nlu,
    List<RankedPolicy> policies,
    Map<String, Action> actions,
    List<ValidationMessage> warnings,
    Optional<ReplyGeneration> generation,
    Optional<ActionEndpoint> actionEndpoint) {

  /** This model stored as the given version. */
  public BotModel withVersion(int storedVersion) {
    return new BotModel(
        tenant,
        bot,
        storedVersion,
        config,
        domain,
        nlu,
        policies,
        actions,
        warnings,
        generation,
        actionEndpoint);
  }

  /** This model with one more warning. */
  public BotModel withWarning(ValidationMessage warning) {
    List<ValidationMessage> all = new ArrayList<>(warnings);
    all.add(warning);
    return new BotModel(
        tenant,
        bot,
        version,
        config,
        domain,
        nlu,
        policies,
        actions,
        List.copyOf(all),
        generation,
        actionEndpoint);
  }

  /** The in-process action of that name, if any. */
  public Optional<Action> action(String name) {
    return Optional.ofNullable(actions.get(name));
  }

  /**
   * Whether the action runs on the bot's action server: declared under {@code actions}, and not a
   * default action, a response, a form or an in-process action.
   */
  public boolean runsRemotely(String name) {
    return route(name) == ActionRoute.ACTION_SERVER;
  }

  /** Where the action of that name runs in this bot. */
  public ActionRoute route(String name) {
    return ActionRoute.of(name, domain, actions.keySet(), actionEndpoint.isPresent());
  }

  /** The sentence users get when a turn fails inside the server. */
  public String apology() {
    return config.parley().apology();
  }
}
