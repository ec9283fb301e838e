package dev.parley.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server may generate its own secrets (encryption key, admin password). Only a server
 * alone on its embedded H2 database may: a server that uses a database server ({@code
 * PARLEY_DB_URL}) or joins a cluster ({@code PARLEY_CLUSTER_BIND}, {@code _MEMBERS} or {@code
 * _DISCOVERY}) shares its data with other servers, which could not read what a key of its own
 * encrypted; such a server must be given the secrets and refuses to start without them.
 */
@ApplicationScoped
public class SecretsPolicy {

  /** The settings that give the encryption keys, as environment variables. */
  public static final String KEYS_VARIABLES =
      "PARLEY_ENCRYPTION_KEYS or PARLEY_ENCRYPTION_KEY_FILE";

  /** The setting that gives the admin password, as an environment variable. */
  public static final String ADMIN_PASSWORD_VARIABLE = "PARLEY_ADMIN_PASSWORD";

  private List<String> sharedBecause;
  private boolean keysGiven;
  private boolean adminPasswordGiven;

  /** For CDI proxies. */
  protected SecretsPolicy() {}

  /** Reads the settings that decide. */
  @Inject
  public SecretsPolicy(
      @ConfigProperty(name = "parley.db.url") Optional<String> dbUrl,
      @ConfigProperty(name = "parley.cluster.bind") Optional<String> clusterBind,
      @ConfigProperty(name = "parley.cluster.members") Optional<String> clusterMembers,
      @ConfigProperty(name = "parley.cluster.discovery") Optional<String> clusterDiscovery,
      @ConfigProperty(name = "parley.encryption.keys") Optional<String> keys,
      @ConfigProperty(name = "parley.encryption.key.file") Optional<String> keyFile,
      @ConfigProperty(name = "parley.admin.password") Optional<String> adminPassword) {
    this(
        reasons(dbUrl, clusterBind, clusterMembers, clusterDiscovery),
        given(keys) || given(keyFile),
        given(adminPassword));
  }

  /**
   * A decided policy (tests, tools).
   *
   * @param sharedBecause why the server shares its data (empty: it does not)
   * @param keysGiven whether encryption keys are configured
   * @param adminPasswordGiven whether the admin password is configured
   */
  public SecretsPolicy(List<String> sharedBecause, boolean keysGiven, boolean adminPasswordGiven) {
    this.sharedBecause = List.copyOf(sharedBecause);
    this.keysGiven = keysGiven;
    this.adminPasswordGiven = adminPasswordGiven;
  }

  /**
   * Why a server with these settings shares its data with other servers (empty if it does not).
   *
   * @param dbUrl the JDBC URL, if set
   * @param clusterBind {@code parley.cluster.bind}, if set
   * @param clusterMembers {@code parley.cluster.members}, if set
   * @param clusterDiscovery {@code parley.cluster.discovery}, if set
   */
  public static List<String> reasons(
      Optional<String> dbUrl,
      Optional<String> clusterBind,
      Optional<String> clusterMembers,
      Optional<String> clusterDiscovery) {
    List<String> reasons = new ArrayList<>();
    dbUrl
        .filter(SecretsPolicy::given)
        .filter(url -> !isPrivateEmbeddedDatabase(url))
        .ifPresent(url -> reasons.add("it uses a shared database (PARLEY_DB_URL)"));
    List<String> cluster = new ArrayList<>();
    clusterBind.filter(SecretsPolicy::given).ifPresent(value -> cluster.add("PARLEY_CLUSTER_BIND"));
    clusterMembers
        .filter(SecretsPolicy::given)
        .ifPresent(value -> cluster.add("PARLEY_CLUSTER_MEMBERS"));
    clusterDiscovery
        .filter(SecretsPolicy::given)
        .ifPresent(value -> cluster.add("PARLEY_CLUSTER_DISCOVERY"));
    if (!cluster.isEmpty()) {
      reasons.add("it joins a cluster (" + String.join(", ", cluster) + ")");
    }
    return reasons;
  }

  /**
   * Whether a JDBC URL names an H2 database this process opens on its own: a file or in-memory
   * database, not an H2 server ({@code tcp:}, {@code ssl:}) and not {@code AUTO_SERVER} (which lets
   * other processes in).
   */
  static boolean isPrivateEmbeddedDatabase(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("jdbc:h2:")
        && !lower.startsWith("jdbc:h2:tcp:")
        && !lower.startsWith("jdbc:h2:ssl:")
        && !lower.replace(" ", "").contains(";auto_server=true");
  }

  private static boolean given(Optional<String> value) {
    return value.filter(SecretsPolicy::given).isPresent();
  }

  private static boolean given(String value) {
    return !value.isBlank();
  }

  /** Whether this server may generate a missing encryption key or admin password. */
  public boolean mayGenerateSecrets() {
    return sharedBecause.isEmpty();
  }

  /**
   * Why this server must not start: it shares its data and some secret is not configured. The
   * message names the settings to set; empty when the server may start.
   */
  public Optional<String> refusal() {
    if (mayGenerateSecrets()) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    if (!keysGiven) {
      missing.add(KEYS_VARIABLES);
    }
    if (!adminPasswordGiven) {
      missing.add(ADMIN_PASSWORD_VARIABLE);
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Parley refuses to start: "
            + String.join(" and ", sharedBecause)
            + ", so every server must be given the same secrets instead of generating its own"
            + " (a key of its own would make the other servers unable to read its conversations)."
            + " Set "
            + String.join(", and ", missing)
            + " (docs/cluster-and-deployment.md, Cluster).");
  }

  /** The message for a secret this server would have to generate but may not. */
  public String generationRefused(String variables) {
    return "Parley must not generate this secret because "
        + String.join(" and ", sharedBecause)
        + "; set "
        + variables;
  }
}
