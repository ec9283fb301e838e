package dev.parley.core.ops;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the tokenizer of the embedding classifiers (DJL) unpacks its native library: the folder
 * named by {@code DJL_CACHE_DIR} (system property or environment) if set, otherwise {@code native}
 * in Parley's data folder, which the server can always write, rather than the user's home, which a
 * service account may not have.
 */
final class NativeLibraryCache {

  static final String PROPERTY = "DJL_CACHE_DIR";

  private NativeLibraryCache() {}

  /**
   * Sets the system property unless the operator chose a folder.
   *
   * @return the folder Parley chose, or empty when the operator's setting stands
   */
  static Optional<Path> configure(Path dataDir, Function<String, String> environment) {
    if (isSet(System.getProperty(PROPERTY)) || isSet(environment.apply(PROPERTY))) {
      return Optional.empty();
    }
    Path folder = dataDir.resolve("native").toAbsolutePath();
    System.setProperty(PROPERTY, folder.toString());
    return Optional.of(folder);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
