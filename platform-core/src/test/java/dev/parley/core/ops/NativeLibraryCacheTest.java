package dev.parley.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NativeLibraryCacheTest {

  private final String before = System.getProperty(NativeLibraryCache.PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(NativeLibraryCache.PROPERTY);
    } else {
      System.setProperty(NativeLibraryCache.PROPERTY, before);
    }
  }

  @Test
  void unsetTheFolderIsInTheDataFolder() {
    System.clearProperty(NativeLibraryCache.PROPERTY);
    Optional<Path> chosen = NativeLibraryCache.configure(Path.of("/srv/parley-data"), name -> null);
    assertEquals(Optional.of(Path.of("/srv/parley-data/native")), chosen);
    assertEquals("/srv/parley-data/native", System.getProperty(NativeLibraryCache.PROPERTY));
  }

  @Test
  void theOperatorsChoiceStands() {
    System.clearProperty(NativeLibraryCache.PROPERTY);
    assertTrue(
        NativeLibraryCache.configure(Path.of("/srv/d"), name -> "/opt/djl").isEmpty(),
        "environment");
    assertEquals(null, System.getProperty(NativeLibraryCache.PROPERTY));
    System.setProperty(NativeLibraryCache.PROPERTY, "/opt/other");
    assertTrue(NativeLibraryCache.configure(Path.of("/srv/d"), name -> null).isEmpty());
    assertEquals("/opt/other", System.getProperty(NativeLibraryCache.PROPERTY));
  }
}
