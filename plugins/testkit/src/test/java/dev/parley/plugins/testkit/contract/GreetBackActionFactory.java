package dev.parley.plugins.testkit.contract;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.action.ActionFactory;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.conversation.SlotSet;
import java.util.List;

/** A tiny in-process action for the contract's own test: greets back, or rejects other intents. */
public final class GreetBackActionFactory implements ActionFactory {

  @Override
  public String id() {
    return "action_greet_back";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(ConfigProperty.string("greeting", "Hello!", "what to say"));
  }

  @Override
  public Action create(PluginContext context) {
    String greeting = context.config().getString("greeting").orElseThrow();
    return (conversation, domain) -> {
      boolean greeted =
          conversation
              .latestMessage()
              .map(message -> message.intentName().equals("greet"))
              .orElse(false);
      if (!greeted) {
        throw new PluginException("only answers greetings");
      }
      return new ActionResult(
          List.of(BotResponse.text(greeting)), List.of(SlotSet.of("greeted", true)));
    };
  }
}
