package dev.parley.plugins.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugins.testkit.MemoryStorage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every plugin promises through {@link PluginFactory}, whatever its kind: a stable id, the
 * right kind, registration in {@code META-INF/services}, well-formed configuration declarations, a
 * worker created from the declared defaults alone, and, for {@link Trainable} workers, a model that
 * lives only in the {@link dev.parley.plugin.ModelStorage} it was given. Extend the contract of
 * your plugin's kind ({@link IntentClassifierContract}, {@link EntityExtractorContract}, ...), not
 * this class.
 *
 * <p>The worker is created with a configuration that behaves as the server's: declared defaults,
 * overridden by {@link #settings()}, and undeclared keys rejected. A trained worker is shared by
 * the tests of one class and closed after them (if {@link AutoCloseable}).
 *
 * @param <T> the worker type
 * @param <F> the factory type
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PluginContract<T, F extends PluginFactory<T>> {

  private final List<Object> created = new ArrayList<>();
  private T ready;
  private MemoryStorage readyStorage = new MemoryStorage();

  /** The factory under test, as the server would create it. */
  protected abstract F factory();

  /**
   * Values for declared keys that differ from the defaults (e.g. required keys); none by default.
   */
  protected Map<String, Object> settings() {
    return Map.of();
  }

  /** The bot's language code; {@code en} by default. */
  protected String language() {
    return "en";
  }

  /** What a trainable worker learns from (also the source of the bot's domain). */
  protected abstract TrainingData trainingData();

  /** The bot's domain: that of {@link #trainingData()}. */
  protected Domain domain() {
    return trainingData().domain();
  }

  /** The extension point's factory interface. */
  abstract Class<?> extensionPoint();

  /** The extension point's kind. */
  abstract PluginKind kind();

  /**
   * What a worker answers to this kind's sample inputs, rendered as text; two workers with the same
   * model answer the same.
   */
  abstract List<String> observe(T worker);

  /** A context as the server would give the factory for one pipeline entry of a bot. */
  protected final PluginContext context() {
    return new ContractContext(
        new DeclaredConfig(factory().configProperties(), settings()),
        language(),
        domain(),
        "contract/" + factory().id());
  }

  /** A new worker from {@link #context()}, closed after the tests. */
  protected final T newWorker() {
    T worker = factory().create(context());
    assertNotNull(worker, "create() returned null");
    created.add(worker);
    return worker;
  }

  /** The worker the kind's tests use: created once, and trained if it is {@link Trainable}. */
  protected final T readyWorker() {
    if (ready == null) {
      T worker = newWorker();
      if (worker instanceof Trainable trainable) {
        trainable.train(trainingData(), readyStorage);
      }
      ready = worker;
    }
    return ready;
  }

  @Test
  void idIsStableAndNotBlank() {
    String id = factory().id();
    assertNotNull(id, "id()");
    assertFalse(id.isBlank(), "id() is blank");
    assertEquals(id, factory().id(), "id() changed between calls");
  }

  @Test
  void kindIsTheExtensionPoint() {
    assertSame(kind(), factory().kind());
    assertTrue(extensionPoint().isInstance(factory()), "not a " + extensionPoint().getName());
  }

  @Test
  void registeredInMetaInfServices() {
    Class<?> type = factory().getClass();
    List<PluginFactory<?>> found = new ArrayList<>();
    for (Object provider : ServiceLoader.load(extensionPoint(), type.getClassLoader())) {
      if (provider.getClass() == type) {
        found.add((PluginFactory<?>) provider);
      }
    }
    assertEquals(
        1,
        found.size(),
        type.getName()
            + " is not listed (once) in META-INF/services/"
            + extensionPoint().getName());
    assertEquals(factory().id(), found.get(0).id(), "a fresh instance has another id");
  }

  @Test
  void declaresWellFormedProperties() {
    Set<String> names = new HashSet<>();
    for (ConfigProperty property : factory().configProperties()) {
      assertFalse(property.name().isBlank(), "a property has a blank name");
      assertTrue(names.add(property.name()), "declared twice: " + property.name());
      if (property.defaultValue() != null) {
        assertDefaultFits(property);
      }
    }
  }

  @Test
  void createsWorkerFromDeclaredDefaults() {
    assertNotNull(newWorker());
    assertNotNull(factory().description(), "description()");
    assertNotNull(factory().version(), "version()");
  }

  @Test
  void trainingPersistsThroughModelStorage() {
    T trained = readyWorker();
    assumeTrue(trained instanceof Trainable, "not trainable");
    assertTrue(readyStorage.size() > 0, "train() stored nothing in the model storage");
    T restored = newWorker();
    ((Trainable) restored).load(readyStorage);
    assertEquals(
        observe(trained), observe(restored), "a worker loaded from the storage answers otherwise");
  }

  @Test
  void loadWithoutArtifactsFails() {
    T worker = newWorker();
    assumeTrue(worker instanceof Trainable, "not trainable");
    assertThrows(PluginException.class, () -> ((Trainable) worker).load(new MemoryStorage()));
  }

  /** Fails unless several threads observing the worker at once see what one thread sees. */
  final void assertSafeForConcurrentUse(T worker) throws Exception {
    List<String> expected = observe(worker);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> observe(worker)));
      }
      for (Future<List<String>> answer : answers) {
        assertEquals(expected, answer.get(), "concurrent use changed the answers");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A confidence as the API defines it: between 0 and 1. */
  static void assertConfidence(double confidence, String what) {
    assertTrue(confidence >= 0 && confidence <= 1, what + ": confidence " + confidence);
  }

  /** Confidences rounded for comparing answers of two workers. */
  static String confidence(double value) {
    return String.format(java.util.Locale.ROOT, "%.5f", value);
  }

  private static void assertDefaultFits(ConfigProperty property) {
    Object value = property.defaultValue();
    String name = property.name();
    switch (property.type()) {
      case STRING -> assertTrue(value instanceof String, name + ": default is not a string");
      case INTEGER ->
          assertTrue(
              value instanceof Number number
                  && number.doubleValue() == Math.rint(number.doubleValue()),
              name + ": default is not a whole number");
      case NUMBER -> assertTrue(value instanceof Number, name + ": default is not a number");
      case BOOLEAN -> assertTrue(value instanceof Boolean, name + ": default is not a boolean");
      case LIST -> assertTrue(value instanceof List<?>, name + ": default is not a list");
      case CHOICE -> {
        assertFalse(property.options().isEmpty(), name + ": a choice without options");
        assertTrue(
            property.options().contains(String.valueOf(value)),
            name + ": default " + value + " is not one of " + property.options());
      }
      default -> fail("unknown type " + property.type());
    }
  }

  @AfterAll
  void closeWorkers() throws Exception {
    for (Object worker : created) {
      if (worker instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
    created.clear();
    ready = null;
    readyStorage = new MemoryStorage();
  }

  /** A context as the server builds it. */
  private record ContractContext(
      dev.parley.plugin.PluginConfig config, String language, Domain domain, String botName)
      implements PluginContext {}
}
