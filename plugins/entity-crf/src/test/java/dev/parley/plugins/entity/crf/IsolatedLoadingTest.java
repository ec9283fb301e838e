package dev.parley.plugins.entity.crf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.parley.plugins.testkit.EntityFixtures;
import dev.parley.plugins.testkit.MemoryStorage;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stored model loads in a class loader of its own (as in an application server, where the plugin
 * and Tribuo are not on the system class path): Tribuo's protobuf deserialisation must find its
 * classes through the loader that holds Tribuo, not the system one.
 */
class IsolatedLoadingTest {

  @Test
  void aModelStoredHereLoadsAndPredictsInAnIsolatedClassLoader() throws Exception {
    MemoryStorage storage = new MemoryStorage();
    CrfEntityExtractor trained = (CrfEntityExtractor) CrfEntityExtractorTest.create(Map.of());
    trained.train(EntityFixtures.flightsAndPizzas(), storage);
    byte[] model = storage.read(CrfEntityExtractor.MODEL).orElseThrow();

    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(toUrl(entry));
    }
    try (URLClassLoader isolated =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> storageClass = isolated.loadClass(MemoryStorage.class.getName());
      assertNotSame(MemoryStorage.class, storageClass);
      Object isolatedStorage = storageClass.getConstructor().newInstance();
      storageClass
          .getMethod("write", String.class, byte[].class)
          .invoke(isolatedStorage, CrfEntityExtractor.MODEL, model);

      Class<?> settingsClass = isolated.loadClass(CrfSettings.class.getName());
      Constructor<?> settingsConstructor = settingsClass.getDeclaredConstructors()[0];
      settingsConstructor.setAccessible(true);
      Class<?> styleClass = isolated.loadClass(TagScheme.Style.class.getName());
      Object io = styleClass.getEnumConstants()[0];
      Object settings = settingsConstructor.newInstance(io, 2, 5, 0.5, 1, 1L, 0);
      Class<?> extractorClass = isolated.loadClass(CrfEntityExtractor.class.getName());
      Constructor<?> constructor = extractorClass.getDeclaredConstructor(settingsClass);
      constructor.setAccessible(true);
      Object extractor = constructor.newInstance(settings);
      Class<?> storageApi = isolated.loadClass("dev.parley.plugin.ModelStorage");
      Method load = extractorClass.getMethod("load", storageApi);
      load.setAccessible(true);
      load.invoke(extractor, isolatedStorage);

      Class<?> messageClass = isolated.loadClass("dev.parley.plugin.nlu.Message");
      Object message =
          messageClass
              .getConstructor(String.class, String.class, Map.class)
              .newInstance("fly from Oslo to Rome", "en", Map.of());
      Method extract = extractorClass.getMethod("extract", messageClass, List.class);
      extract.setAccessible(true);
      List<?> entities = (List<?>) extract.invoke(extractor, message, List.of());
      List<String> values = new ArrayList<>();
      for (Object entity : entities) {
        values.add(String.valueOf(entity.getClass().getMethod("value").invoke(entity)));
      }
      assertEquals(List.of("Oslo", "Rome"), values);
    }
  }

  private static URL toUrl(String entry) {
    try {
      return new File(entry).toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry, e);
    }
  }
}
