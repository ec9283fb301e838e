package dev.parley.plugins.nlu.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.Trainable;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.SelfCalibrating;
import dev.parley.plugins.nlu.support.TemperatureCalibratedClassifier;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The factory's classifier calibrates itself on held-out examples (Banking77 slice, 440). */
class SparseIntentClassifierCalibrationTest {

  private static final SparseIntentClassifierFactory FACTORY = new SparseIntentClassifierFactory();

  private static IntentClassifier create() {
    return FACTORY.create(
        TestContext.of(FACTORY.configProperties(), Map.of(), TrainingDataBuilder.emptyDomain()));
  }

  @Test
  void heldOutPredictionsAndTheTemperatureAreStoredWithTheModel() {
    MemoryStorage storage = new MemoryStorage();
    IntentClassifier trained = create();
    ((Trainable) trained).train(NluDatasets.trainingData("en", NluDatasets.fixture()), storage);
    List<?> heldOut = ((SelfCalibrating) trained).heldOut();
    assertEquals(NluDatasets.fixture().size(), heldOut.size(), "every example held out once");
    double temperature = ((TemperatureCalibratedClassifier<?>) trained).temperature();
    assertTrue(temperature != 1, "a temperature was fitted");
    IntentClassifier loaded = create();
    ((Trainable) loaded).load(storage);
    assertEquals(heldOut, ((SelfCalibrating) loaded).heldOut());
    for (String text : List.of("my card has not arrived", "what is the exchange rate", "xyzzy")) {
      Message message = new Message(text, "en", Map.of());
      assertEquals(trained.classify(message), loaded.classify(message));
    }
  }

  @Test
  void smallBotsKeepRawConfidencesAndMeasureNothing() {
    IntentClassifier classifier = create();
    ((Trainable) classifier)
        .train(
            NluDatasets.trainingData("en", NluDatasets.fixture().subList(0, 200)),
            new MemoryStorage());
    assertTrue(((SelfCalibrating) classifier).heldOut().isEmpty());
    assertEquals(1.0, ((TemperatureCalibratedClassifier<?>) classifier).temperature());
  }
}
