package dev.parley.plugins.policy.memo;

import dev.parley.plugins.testkit.contract.DialoguePolicyContract;

/** AugmentedMemoizationPolicy against the dialogue policy contract. */
class AugmentedMemoizationPolicyContractTest
    extends DialoguePolicyContract<AugmentedMemoizationPolicyFactory> {

  @Override
  protected AugmentedMemoizationPolicyFactory factory() {
    return new AugmentedMemoizationPolicyFactory();
  }
}
