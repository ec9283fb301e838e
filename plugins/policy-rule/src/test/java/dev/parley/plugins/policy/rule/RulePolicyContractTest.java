package dev.parley.plugins.policy.rule;

import dev.parley.plugins.testkit.contract.DialoguePolicyContract;

/** RulePolicy against the dialogue policy contract. */
class RulePolicyContractTest extends DialoguePolicyContract<RulePolicyFactory> {

  @Override
  protected RulePolicyFactory factory() {
    return new RulePolicyFactory();
  }
}
