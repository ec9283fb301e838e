package dev.parley.plugins.policy.memo;

import dev.parley.plugins.testkit.contract.DialoguePolicyContract;

/** MemoizationPolicy against the dialogue policy contract. */
class MemoizationPolicyContractTest extends DialoguePolicyContract<MemoizationPolicyFactory> {

  @Override
  protected MemoizationPolicyFactory factory() {
    return new MemoizationPolicyFactory();
  }
}
