package dev.parley.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this server's NLU runs. {@code PARLEY_ROLE=nlu} makes the server an NLU server: it answers
 * only parse calls from dialogue servers ({@code /api/nlu/parse}), for every bot it knows. A
 * dialogue server given {@code PARLEY_NLU_URL} (the NLU server's base URL) sends its parses there
 * and parses locally when that server fails or is late. Both share {@code PARLEY_NLU_KEY}, the
 * bearer key of the parse calls (an NLU server refuses every parse call without one).
 */
@ApplicationScoped
public class NluRoleSettings {

  /** The roles a server can have. */
  public enum Role {
    /** Dialogue and NLU (the default). */
    FULL,
    /** Parsing only. */
    NLU
  }

  private Role role;
  private Optional<URI> nluUrl;
  private Optional<String> nluKey;

  /** For CDI proxies. */
  protected NluRoleSettings() {}

  /** Reads the settings once. */
  @Inject
  public NluRoleSettings(
      @ConfigProperty(name = "parley.role", defaultValue = "full") String role,
      @ConfigProperty(name = "parley.nlu.url") Optional<String> nluUrl,
      @ConfigProperty(name = "parley.nlu.key") Optional<String> nluKey) {
    this.role = parseRole(role);
    this.nluUrl =
        nluUrl
            .map(String::trim)
            .filter(url -> !url.isEmpty())
            .map(url -> URI.create(url.endsWith("/") ? url : url + "/"));
    this.nluKey = nluKey.map(String::trim).filter(key -> !key.isEmpty());
    if (this.role == Role.NLU && this.nluUrl.isPresent()) {
      throw new IllegalStateException("an NLU server (PARLEY_ROLE=nlu) takes no PARLEY_NLU_URL");
    }
  }

  /** The role of a configured name. */
  static Role parseRole(String name) {
    try {
      return Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("PARLEY_ROLE must be 'full' or 'nlu', not '" + name + "'", e);
    }
  }

  /** This server's role. */
  public Role role() {
    return role;
  }

  /** Whether this server only parses. */
  public boolean nluOnly() {
    return role == Role.NLU;
  }

  /** The NLU server that parses for this dialogue server, if any (ends with a slash). */
  public Optional<URI> nluUrl() {
    return nluUrl;
  }

  /** The bearer key of parse calls between dialogue and NLU servers. */
  public Optional<String> nluKey() {
    return nluKey;
  }
}
