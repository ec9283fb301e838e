package dev.parley.core.crypto;

import dev.parley.core.config.SecretsPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses where the keys come from: {@code parley.encryption.keys} (the keys themselves), or {@code
 * parley.encryption.key.file} (a file of them), or else the generated key file in the data dir —
 * only where the {@link SecretsPolicy} lets this server generate its secrets. Setting both is an
 * error.
 */
public final class KeyRingLoader {

  /** The setting holding the keys. */
  public static final String KEYS = "parley.encryption.keys";

  /** The setting naming a key file. */
  public static final String KEY_FILE = "parley.encryption.key.file";

  private KeyRingLoader() {}

  /**
   * Loads the key ring.
   *
   * @param keys the value of {@link #KEYS}, if set
   * @param keyFile the value of {@link #KEY_FILE}, if set
   * @param dataDir the data dir, for the generated default
   * @param policy whether a key may be generated when none is configured
   * @throws KeyConfigException if the configuration is unusable, or no key is configured and none
   *     may be generated
   */
  public static LoadedKeyRing load(
      Optional<String> keys, Optional<String> keyFile, Path dataDir, SecretsPolicy policy) {
    Optional<String> inline = keys.filter(value -> !value.isBlank());
    Optional<String> file = keyFile.filter(value -> !value.isBlank());
    if (inline.isPresent() && file.isPresent()) {
      throw new KeyConfigException(
          "set either "
              + KEYS
              + " (PARLEY_ENCRYPTION_KEYS) or "
              + KEY_FILE
              + " (PARLEY_ENCRYPTION_KEY_FILE), not both");
    }
    if (inline.isPresent()) {
      return new LoadedKeyRing(KeyRing.parse(inline.get(), KEYS), "setting " + KEYS);
    }
    if (file.isPresent()) {
      Path path = Path.of(file.get()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(path)) {
        throw new KeyConfigException(KEY_FILE + ": no key file at " + path);
      }
      return new LoadedKeyRing(fromFile(path), "key file " + path);
    }
    if (!policy.mayGenerateSecrets()) {
      throw new KeyConfigException(policy.generationRefused(SecretsPolicy.KEYS_VARIABLES));
    }
    Path generated = GeneratedKeyFile.ensure(dataDir);
    return new LoadedKeyRing(fromFile(generated), "key file " + generated);
  }

  private static KeyRing fromFile(Path path) {
    try {
      return KeyRing.parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new KeyConfigException("cannot read the key file " + path, e);
    }
  }

  /**
   * A key ring and where it came from.
   *
   * @param ring the keys
   * @param source a description for the log (a setting's name or a file's path)
   */
  public record LoadedKeyRing(KeyRing ring, String source) {}
}
