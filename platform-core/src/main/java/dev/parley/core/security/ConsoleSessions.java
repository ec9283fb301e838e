package dev.parley.core.security;

import dev.parley.core.tenant.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in, sessions and sign-out of the console. A session is a random cookie token (stored as its
 * SHA-256) plus a CSRF token the page sends back in a header; it expires after {@code
 * parley.console.session.minutes} without use.
 */
@ApplicationScoped
public class ConsoleSessions {

  /** The session cookie's name. */
  public static final String COOKIE = "parley_session";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration TOUCH_AFTER = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  private AdminCredentials admin;
  private ConsoleUsers users;
  private SignInThrottle throttle;
  private Duration idle;

  /** For CDI proxies. */
  protected ConsoleSessions() {}

  /** Wires the accounts, the attempt limits and the idle timeout. */
  @Inject
  public ConsoleSessions(
      AdminCredentials admin,
      ConsoleUsers users,
      SignInThrottle throttle,
      @ConfigProperty(name = "parley.console.session.minutes", defaultValue = "30") long minutes) {
    this.admin = admin;
    this.users = users;
    this.throttle = throttle;
    this.idle = Duration.ofMinutes(Math.max(1, minutes));
  }

  /** A new session. */
  public record SignedIn(String token, Caller caller, Instant expiresAt) {}

  /** How long a session lasts without use. */
  public Duration idleTimeout() {
    return idle;
  }

  /**
   * Checks the password and opens a session; a user's stored hash made with fewer iterations than
   * new ones get is replaced.
   *
   * @param address the client's address, for the attempt limit
   * @throws SignInThrottledException after too many failures for the user or the address
   */
  @Transactional
  public Optional<SignedIn> signIn(String user, String password, String address) {
    throttle.check(user, address);
    Optional<Caller> caller = authenticate(user, password);
    if (caller.isEmpty()) {
      throttle.failed(user, address);
      return Optional.empty();
    }
    throttle.succeeded(user);
    String token = randomToken();
    String csrf = randomToken();
    Instant expires = Instant.now().plus(idle);
    em.persist(new ConsoleSessionEntity(ApiKeys.hash(token), user, csrf, expires));
    Caller c = caller.get();
    return Optional.of(
        new SignedIn(
            token, new Caller(c.user(), c.role(), c.tenant(), Optional.of(csrf)), expires));
  }

  /** The caller of a live session, extending it; empty for unknown or expired tokens. */
  @Transactional
  public Optional<Caller> lookup(String token) {
    ConsoleSessionEntity session = em.find(ConsoleSessionEntity.class, ApiKeys.hash(token));
    Instant now = Instant.now();
    if (session == null) {
      return Optional.empty();
    }
    if (session.getExpiresAt().isBefore(now)) {
      em.remove(session);
      return Optional.empty();
    }
    Optional<Caller> caller = callerOf(session.getUserName(), session.getCsrfToken());
    if (caller.isEmpty()) {
      em.remove(session);
      return caller;
    }
    if (session.getExpiresAt().minus(idle).plus(TOUCH_AFTER).isBefore(now)) {
      session.setExpiresAt(now.plus(idle));
    }
    return caller;
  }

  /** Ends a session and drops expired ones. */
  @Transactional
  public void signOut(String token) {
    ConsoleSessionEntity session = em.find(ConsoleSessionEntity.class, ApiKeys.hash(token));
    if (session != null) {
      em.remove(session);
    }
    em.createQuery("delete from ConsoleSessionEntity s where s.expiresAt < :now")
        .setParameter("now", Instant.now())
        .executeUpdate();
  }

  private Optional<Caller> authenticate(String user, String password) {
    if (AdminCredentials.ADMIN_USER.equals(user)) {
      return admin.acceptsPassword(password) ? Optional.of(Caller.basicAdmin()) : Optional.empty();
    }
    Optional<ConsoleUserEntity> found = users.find(user);
    if (found.isEmpty()) {
      PasswordHasher.matchesNothing(password); // as slow as a wrong password of a real user
      return Optional.empty();
    }
    ConsoleUserEntity entity = found.get();
    if (!PasswordHasher.matches(password, entity.getPasswordHash())) {
      return Optional.empty();
    }
    if (PasswordHasher.needsUpgrade(entity.getPasswordHash())) {
      users.upgradeHash(user, password);
    }
    return Optional.of(new Caller(user, entity.getRole(), entity.getTenant(), Optional.empty()));
  }

  private Optional<Caller> callerOf(String user, String csrf) {
    if (AdminCredentials.ADMIN_USER.equals(user)) {
      return Optional.of(
          new Caller(user, Role.PLATFORM_ADMIN, Optional.empty(), Optional.of(csrf)));
    }
    return users
        .find(user)
        .map(entity -> new Caller(user, entity.getRole(), entity.getTenant(), Optional.of(csrf)));
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
