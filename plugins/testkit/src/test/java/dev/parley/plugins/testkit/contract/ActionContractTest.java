package dev.parley.plugins.testkit.contract;

import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugins.testkit.Conversations;
import java.util.List;

/** The action contract, run on a tiny action (no built-in plugin is an action). */
class ActionContractTest extends ActionContract<GreetBackActionFactory> {

  @Override
  protected GreetBackActionFactory factory() {
    return new GreetBackActionFactory();
  }

  @Override
  protected List<ConversationView> conversations() {
    return List.of(Conversations.started().user("greet"), Conversations.started().user("bye"));
  }
}
