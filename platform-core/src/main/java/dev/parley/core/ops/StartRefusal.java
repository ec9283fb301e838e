package dev.parley.core.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * Stops a server that must not run: logs one SEVERE line saying why and what to set, fails the
 * application's start (so nothing else of it runs) and ends the process with {@link #EXIT_CODE}
 * shortly after, from a thread of its own, so that Liberty's shutdown hook stops the server cleanly
 * and {@code java -jar parley.jar} returns that code rather than running on without Parley.
 */
@ApplicationScoped
public class StartRefusal {

  /** The process's exit code: 78, "configuration error" in the BSD {@code sysexits.h}. */
  public static final int EXIT_CODE = 78;

  private static final Logger LOG = Logger.getLogger(StartRefusal.class.getName());
  private static final long EXIT_DELAY_MILLIS = 500;

  private final IntConsumer exit;

  /** Ends the process through {@link System#exit}. */
  public StartRefusal() {
    this(System::exit);
  }

  /** Ends the process through {@code exit} (tests). */
  StartRefusal(IntConsumer exit) {
    this.exit = exit;
  }

  /**
   * Refuses to start.
   *
   * @param reason what is wrong and what to set, for the log and the exception
   * @return nothing: it always throws (the return type lets callers write {@code throw
   *     refusal.refuse(...)})
   * @throws StartRefusedException always, to fail the application's start
   */
  public StartRefusedException refuse(String reason) {
    LOG.severe(reason);
    Thread exiter =
        new Thread(
            () -> {
              try {
                Thread.sleep(EXIT_DELAY_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exit.accept(EXIT_CODE);
            },
            "parley-start-refused");
    exiter.start();
    throw new StartRefusedException(reason);
  }

  /** The application's start failed on purpose; the message says why. */
  public static final class StartRefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    StartRefusedException(String reason) {
      super(reason);
    }
  }
}
