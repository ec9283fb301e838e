package dev.parley.core.bot;

import dev.parley.core.bot.PluginWorkers.ResolvedComponent;
import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.plugin.policy.DialoguePolicyFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a bot's dialogue policies from the {@code policies} of its {@code config.yml}, each with
 * its priority: the entry's {@code priority}, else the plugin's default.
 */
final class PolicyAssembler {

  private final ComponentCatalog catalog;

  PolicyAssembler(ComponentCatalog catalog) {
    this.catalog = catalog;
  }

  /** Creates (and trains or loads) the policies in order, reporting each one. */
  List<RankedPolicy> policies(PluginWorkers workers) {
    List<RankedPolicy> policies = new ArrayList<>();
    int index = 0;
    for (ComponentConfig component : workers.assembly().project().config().policies()) {
      String scope = "policies/" + index++ + "/";
      workers.assembly().startStep(component);
      workers
          .resolved(catalog.resolvePolicy(component), component)
          .flatMap(resolved -> policy(workers, resolved, component, scope))
          .ifPresent(policies::add);
    }
    return policies;
  }

  private static Optional<RankedPolicy> policy(
      PluginWorkers workers, ResolvedComponent resolved, ComponentConfig component, String scope) {
    DialoguePolicyFactory factory =
        PluginWorkers.factory(resolved.plugin(), DialoguePolicyFactory.class);
    Object priority = component.params().get("priority");
    int rank = priority instanceof Number number ? number.intValue() : factory.defaultPriority();
    return workers
        .create(
            resolved.plugin(),
            DialoguePolicyFactory.class,
            resolved.component(),
            Optional.of(scope + factory.id()))
        .map(policy -> workers.guarded(resolved.plugin(), policy, PluginGuard::policy))
        .map(policy -> new RankedPolicy(factory.id(), rank, policy));
  }
}
