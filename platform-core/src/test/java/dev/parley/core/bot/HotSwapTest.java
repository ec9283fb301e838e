package dev.parley.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.TestSettings;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Training a new version while the old one serves, then the atomic switch and the release. */
class HotSwapTest {

  /** Answers its version's intent; training version 2 waits until the test lets it finish. */
  static final class VersionedClassifier implements IntentClassifier, Trainable, AutoCloseable {
    static final AtomicInteger TRAINED = new AtomicInteger();
    static final CountDownLatch TRAINING_STARTED = new CountDownLatch(1);
    static final CountDownLatch FINISH_TRAINING = new CountDownLatch(1);
    final AtomicInteger closed = new AtomicInteger();
    private String intent = "none";

    @Override
    public void train(TrainingData data, ModelStorage storage) {
      int version = TRAINED.incrementAndGet();
      if (version == 2) {
        TRAINING_STARTED.countDown();
        try {
          FINISH_TRAINING.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      intent = "v" + version;
    }

    @Override
    public void load(ModelStorage storage) {}

    @Override
    public List<IntentPrediction> classify(Message message) {
      return List.of(new IntentPrediction(intent, 1.0));
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  private static final IntentClassifierFactory FACTORY =
      new IntentClassifierFactory() {
        @Override
        public String id() {
          return "VersionedClassifier";
        }

        @Override
        public IntentClassifier create(PluginContext context) {
          return new VersionedClassifier();
        }
      };

  @Test
  void parsingGoesOnWhileANewVersionTrainsThenTheSwitchIsAtomicAndTheOldWorkersClose()
      throws Exception {
    List<RegisteredPlugin> plugins =
        new java.util.ArrayList<>(new PluginRegistry(TestSettings.inDir("target/hot-swap")).all());
    plugins.add(new RegisteredPlugin(FACTORY, PluginKind.INTENT_CLASSIFIER, "test"));
    PluginRegistry registry = new PluginRegistry(plugins);
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    files.put("config.yml", "language: en\npipeline:\n  - name: VersionedClassifier\n");
    BotProject project = new BotProjectParser().parse(files);
    BotAssembler assembler = new BotAssembler(registry);
    BotCatalog catalog = new BotCatalog();
    BotModel v1 = assembler.assemble("t", "b", 1, project, new HashMap<>(), true);
    catalog.activate(new LoadedBot(v1, "", true));

    CompletableFuture<BotModel> training =
        CompletableFuture.supplyAsync(
            () -> assembler.assemble("t", "b", 2, project, new HashMap<>(), true));
    assertTrue(VersionedClassifier.TRAINING_STARTED.await(10, TimeUnit.SECONDS));
    for (int i = 0; i < 100; i++) {
      assertEquals("v1", parse(catalog), "version 1 serves while version 2 trains");
    }
    assertFalse(training.isDone());
    VersionedClassifier.FINISH_TRAINING.countDown();
    BotModel v2 = training.get(10, TimeUnit.SECONDS);
    catalog.activate(new LoadedBot(v2, "", true));
    assertEquals("v2", parse(catalog));
    assertTrue(v1.nlu().closed(), "the old version's workers are released");
    assertFalse(v2.nlu().closed());
  }

  private static String parse(BotCatalog catalog) {
    return catalog
        .find("t", "b")
        .orElseThrow()
        .model()
        .nlu()
        .parse(new Message("hi", "en", null))
        .intent()
        .name();
  }
}
