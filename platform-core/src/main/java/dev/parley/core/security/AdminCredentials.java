package dev.parley.core.security;

import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.config.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The {@code admin} account's password: {@code PARLEY_ADMIN_PASSWORD} if set, otherwise (only where
 * the {@link SecretsPolicy} allows it) one generated on first start and kept in {@code <data
 * dir>/admin-password} (owner-readable only).
 */
@ApplicationScoped
public class AdminCredentials {

  /** The admin user name. */
  public static final String ADMIN_USER = "admin";

  private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());

  private byte[] password;

  /** For CDI proxies. */
  protected AdminCredentials() {}

  /**
   * Reads or generates the password.
   *
   * @throws IllegalStateException if none is configured and this server may not generate one
   */
  @Inject
  public AdminCredentials(ServerSettings settings, SecretsPolicy policy) {
    String value =
        settings
            .adminPassword()
            .orElseGet(
                () -> {
                  if (!policy.mayGenerateSecrets()) {
                    throw new IllegalStateException(
                        policy.generationRefused(SecretsPolicy.ADMIN_PASSWORD_VARIABLE));
                  }
                  return fromFile(settings.dataDir());
                });
    this.password = value.getBytes(StandardCharsets.UTF_8);
  }

  /** The admin user's name; calling it makes sure the password exists. */
  public String user() {
    return ADMIN_USER;
  }

  /** Whether an HTTP Basic {@code Authorization} header names the admin with the right password. */
  public boolean accepts(Optional<String> authorization) {
    if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.get().substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || !decoded.substring(0, colon).equals(ADMIN_USER)) {
      return false;
    }
    return MessageDigest.isEqual(
        decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8), password);
  }

  /** Whether the password is the admin's (constant-time comparison). */
  public boolean acceptsPassword(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), password);
  }

  private static String fromFile(Path dataDir) {
    Path file = dataDir.resolve("admin-password");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(dataDir);
      byte[] bytes = new byte[18];
      new SecureRandom().nextBytes(bytes);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.warning("cannot restrict permissions of " + file);
      }
      LOG.info("Generated the admin password; it is in " + file);
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
