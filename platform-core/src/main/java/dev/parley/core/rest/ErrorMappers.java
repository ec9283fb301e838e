package dev.parley.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.admin.AdminException;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.db.DatabaseFailures;
import dev.parley.core.db.DatabaseUnavailableException;
import dev.parley.core.security.SignInThrottledException;
import dev.parley.core.tracker.AppendConflictException;
import dev.parley.core.tracker.ConversationLocks.LockTimeoutException;
import dev.parley.plugin.channel.TurnRefusedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure becomes a JSON {@code {error, message}} body; never a stack trace. */
public final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());
  private static final OutageWarnings OUTAGES =
      new OutageWarnings(LOG, Duration.ofSeconds(10), System::nanoTime);

  private ErrorMappers() {}

  /** Errors the API raises on purpose. */
  @Provider
  public static class ApiErrorMapper implements ExceptionMapper<ApiError> {
    @Override
    public Response toResponse(ApiError error) {
      return ErrorBodies.response(answer(error));
    }

    static ErrorBodies.Answer answer(ApiError error) {
      return ErrorBodies.answer(error.status(), error.code(), error.getMessage(), error.details());
    }
  }

  /** Requests the admin services refuse: 404, 409 or 500 with the service's code. */
  @Provider
  public static class AdminMapper implements ExceptionMapper<AdminException> {
    @Override
    public Response toResponse(AdminException error) {
      return ErrorBodies.response(answer(error));
    }

    static ErrorBodies.Answer answer(AdminException error) {
      int status =
          switch (error.reason()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FAILED -> 500;
          };
      return ErrorBodies.answer(status, error.code(), error.getMessage(), error.details());
    }
  }

  /** Bot definitions with problems: 422 with every problem's file and line. */
  @Provider
  public static class DefinitionMapper implements ExceptionMapper<BotDefinitionException> {
    @Override
    public Response toResponse(BotDefinitionException error) {
      return ErrorBodies.response(answer(error));
    }

    static ErrorBodies.Answer answer(BotDefinitionException error) {
      return ErrorBodies.answer(
          422,
          "invalid_bot",
          error.errors().size() + " problem(s) in the bot definition",
          error.errors());
    }
  }

  /** Malformed JSON bodies. */
  @Provider
  public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException error) {
      return ErrorBodies.of(400, "malformed_json", JsonErrorMessages.describe(error), List.of());
    }
  }

  /** Too many failed sign-ins: 429 with {@code Retry-After} in seconds. */
  @Provider
  public static class SignInThrottledMapper implements ExceptionMapper<SignInThrottledException> {
    @Override
    public Response toResponse(SignInThrottledException error) {
      return tooManyAttempts(error);
    }
  }

  /** The 429 answer to a throttled sign-in. */
  static Response tooManyAttempts(SignInThrottledException error) {
    return Response.fromResponse(
            ErrorBodies.of(429, "too_many_attempts", error.getMessage(), List.of()))
        .header(HttpHeaders.RETRY_AFTER, error.retryAfter().toSeconds())
        .build();
  }

  /** A conversation that stayed busy too long. */
  @Provider
  public static class LockMapper implements ExceptionMapper<LockTimeoutException> {
    @Override
    public Response toResponse(LockTimeoutException error) {
      return ErrorBodies.response(answer(error));
    }

    static ErrorBodies.Answer answer(LockTimeoutException error) {
      return ErrorBodies.answer(503, "conversation_busy", error.getMessage(), List.of());
    }
  }

  /** A database that failed on every try: 503, so the caller knows to try again later. */
  @Provider
  public static class DatabaseUnavailableMapper
      implements ExceptionMapper<DatabaseUnavailableException> {
    @Override
    public Response toResponse(DatabaseUnavailableException error) {
      return ErrorBodies.response(answer(error));
    }

    static ErrorBodies.Answer answer(DatabaseUnavailableException error) {
      OUTAGES.refused(error.getMessage(), error.getCause());
      return databaseUnavailable();
    }
  }

  /**
   * Another server stored a turn of the conversation while this one was working on its own copy (a
   * turn runs once more on the stored state before this reaches a caller): 409, send it again.
   */
  @Provider
  public static class AppendConflictMapper implements ExceptionMapper<AppendConflictException> {
    @Override
    public Response toResponse(AppendConflictException error) {
      return ErrorBodies.response(answer(error));
    }

    static ErrorBodies.Answer answer(AppendConflictException error) {
      return ErrorBodies.answer(
          409,
          "conversation_changed",
          "the conversation changed on another server meanwhile; send the message again",
          List.of());
    }
  }

  /** JAX-RS's own errors (unknown path, wrong method, unsupported media type). */
  @Provider
  public static class WebMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException error) {
      int status = error.getResponse().getStatus();
      String code =
          switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "bad_request";
          };
      return ErrorBodies.of(
          status,
          code,
          Response.Status.fromStatusCode(status) == null
              ? code
              : Response.Status.fromStatusCode(status).getReasonPhrase(),
          List.of());
    }
  }

  /**
   * A request body that broke off or whose HTTP framing is wrong (a bad chunk, a length that does
   * not match): 400; any other I/O failure is the server's: 500 with an id, as below.
   */
  @Provider
  public static class ReadFailureMapper implements ExceptionMapper<IOException> {
    @Override
    public Response toResponse(IOException error) {
      if (error instanceof EOFException
          || error.getClass().getName().startsWith("com.ibm.wsspi.http.channel.exception.")) {
        return ErrorBodies.of(
            400, "unreadable_body", "the request body could not be read", List.of());
      }
      return ErrorBodies.response(internalError(error));
    }
  }

  /**
   * A body nested so deeply that its parser ran out of stack (a YAML test set of 2,000 nested
   * lists): 400, logged as a warning in case it was not the body.
   */
  @Provider
  public static class TooDeepMapper implements ExceptionMapper<StackOverflowError> {
    @Override
    public Response toResponse(StackOverflowError error) {
      LOG.log(Level.WARNING, "a request ran out of stack; answered 400 too_deeply_nested", error);
      return ErrorBodies.of(
          400, "too_deeply_nested", "the request body is nested too deeply", List.of());
    }
  }

  /** Anything else: logged with an id, answered with the id only. */
  @Provider
  public static class UnexpectedMapper implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException error) {
      return ErrorBodies.response(answer(error));
    }

    static ErrorBodies.Answer answer(RuntimeException error) {
      if (DatabaseFailures.isTransient(error)) {
        OUTAGES.refused("database unavailable", error);
        return databaseUnavailable();
      }
      if (concurrentChange(error)) {
        return ErrorBodies.answer(
            409,
            "concurrent_change",
            "another request changed the same thing at the same time; try again",
            List.of());
      }
      return internalError(error);
    }
  }

  /** Two requests changed (or deleted) the same rows at once, and this one lost the race. */
  static boolean concurrentChange(Throwable error) {
    for (Throwable cause = error;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockException) {
        return true;
      }
    }
    return false;
  }

  private static ErrorBodies.Answer internalError(Exception error) {
    String id = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "internal error " + id, error);
    return ErrorBodies.answer(500, "internal_error", "internal error; reference " + id, List.of());
  }

  /**
   * The refusal a channel plugin answers its client with, for an error the REST channel maps to a
   * status (a busy conversation, an unavailable database, a conversation changed elsewhere).
   */
  public static TurnRefusedException asRefusal(RuntimeException error) {
    ErrorBodies.Answer answer = answerTo(error);
    return new TurnRefusedException(
        answer.status(), answer.body().error(), answer.body().message());
  }

  /**
   * The status and body the REST layer answers this failure with, for a request that did not come
   * through JAX-RS (a turn another member passed on): the same mapper as for an HTTP request picks
   * it. JAX-RS's own exceptions never reach this far outside JAX-RS.
   */
  static ErrorBodies.Answer answerTo(RuntimeException error) {
    if (error instanceof ApiError api) {
      return ApiErrorMapper.answer(api);
    }
    if (error instanceof AdminException admin) {
      return AdminMapper.answer(admin);
    }
    if (error instanceof BotDefinitionException definition) {
      return DefinitionMapper.answer(definition);
    }
    if (error instanceof LockTimeoutException busy) {
      return LockMapper.answer(busy);
    }
    if (error instanceof DatabaseUnavailableException database) {
      return DatabaseUnavailableMapper.answer(database);
    }
    if (error instanceof AppendConflictException changed) {
      return AppendConflictMapper.answer(changed);
    }
    return UnexpectedMapper.answer(error);
  }

  private static ErrorBodies.Answer databaseUnavailable() {
    return ErrorBodies.answer(
        503,
        "database_unavailable",
        "the database is unavailable; please try again in a moment",
        List.of());
  }
}
