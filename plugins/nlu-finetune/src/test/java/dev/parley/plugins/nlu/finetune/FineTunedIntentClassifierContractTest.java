package dev.parley.plugins.nlu.finetune;

import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import dev.parley.plugins.testkit.contract.IntentClassifierContract;
import java.util.Map;

/**
 * FineTunedIntentClassifier against the intent classifier contract: one epoch on nine examples,
 * every encoder layer frozen and short messages, to keep it fast.
 */
class FineTunedIntentClassifierContractTest
    extends IntentClassifierContract<FineTunedIntentClassifierFactory> {

  @Override
  protected FineTunedIntentClassifierFactory factory() {
    return new FineTunedIntentClassifierFactory();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("epochs", 1L, "batch_size", 8L, "frozen_layers", 6L, "max_tokens", 8L);
  }

  @Override
  protected TrainingData trainingData() {
    return new TrainingDataBuilder()
        .intent("greet", "hi", "hello", "你好")
        .intent("goodbye", "bye", "see you later", "再见")
        .intent("order", "I want to order a pizza", "can I order food", "我要点餐")
        .build();
  }
}
