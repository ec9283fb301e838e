package dev.parley.core.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The caller of the current admin request, set by the admin filter. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  /** Sets the caller once authenticated. */
  public void set(Caller caller) {
    this.caller = caller;
  }

  /** The caller, if authenticated. */
  public Optional<Caller> get() {
    return Optional.ofNullable(caller);
  }

  /** The caller; only admin resources call this, after the filter has set it. */
  public Caller require() {
    return get().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
  }
}
