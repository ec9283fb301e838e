package dev.parley.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The embedded default: a key file {@code <data dir>/encryption-keys}, generated on first start
 * with one random 256-bit key and readable by its owner only. Its path is logged, never its
 * content.
 */
public final class GeneratedKeyFile {

  /** The file's name in the data dir. */
  public static final String FILE_NAME = "encryption-keys";

  private static final Logger LOG = Logger.getLogger(GeneratedKeyFile.class.getName());
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private GeneratedKeyFile() {}

  /**
   * The key file in the data dir, created with a new key if it does not exist yet.
   *
   * @return the file's path
   * @throws KeyConfigException if it cannot be created
   */
  public static Path ensure(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return file;
    }
    try {
      Files.createDirectories(dataDir);
      createOwnerOnly(file);
      Files.writeString(file, content(), StandardCharsets.UTF_8);
      LOG.info(
          "Generated an encryption key for conversation data at rest; it is in "
              + file
              + " (keep a copy: without it stored conversations cannot be read)");
    } catch (FileAlreadyExistsException e) {
      return file;
    } catch (IOException e) {
      throw new KeyConfigException("cannot create the encryption key file " + file, e);
    }
    return file;
  }

  private static String content() {
    byte[] key = new byte[KeyRing.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    String id = "k" + ZonedDateTime.now(ZoneOffset.UTC).format(ID_TIME);
    return "# Parley encryption keys, <id>:<base64 256-bit key>, one per line; the first encrypts.\n"
        + id
        + ':'
        + Base64.getEncoder().encodeToString(key)
        + '\n';
  }

  /** Creates the empty file readable by its owner only from the start, where the system can. */
  private static void createOwnerOnly(Path file) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
      LOG.warning("cannot restrict permissions of " + file);
    }
  }
}
