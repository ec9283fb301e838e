package dev.parley.core.rest.channel;

import dev.parley.plugin.channel.ChannelHttpResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a channel's answer to the HTTP response: on the request's thread when it is ready at once,
 * otherwise through the Servlet async API, so that a request that waits (e.g. an Engine.IO
 * long-polling GET) holds no server thread. Exactly one of the answer, the time limit ({@value
 * #TIMEOUT_MILLIS} ms, longer than the two minutes the channels are promised) or a failed
 * connection ends the request; the channel's stage is cancelled when the request ends without its
 * answer, so that the channel releases what it holds.
 */
final class ChannelAnswerWriter {

  /** How long the server waits for a channel's answer. */
  static final long TIMEOUT_MILLIS = 150_000;

  private static final Logger LOG = Logger.getLogger(ChannelAnswerWriter.class.getName());

  private ChannelAnswerWriter() {}

  /**
   * Writes {@code answer}'s result now or once it comes.
   *
   * @param whyNotFound the message of the 404 when no channel had an answer
   */
  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      FirstChannelAnswer answer,
      String whyNotFound)
      throws IOException {
    CompletableFuture<Optional<ChannelHttpResponse>> result = answer.result();
    if (result.isDone()) {
      writeResult(response, result, whyNotFound);
      return;
    }
    if (!request.isAsyncSupported()) {
      LOG.warning(
          "a filter in the channels' request chain does not support asynchronous requests: a"
              + " waiting answer holds its thread");
      waitAndWrite(response, answer, whyNotFound);
      return;
    }
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(TIMEOUT_MILLIS);
    AtomicBoolean ended = new AtomicBoolean();
    async.addListener(new Ending(answer, ended));
    result.whenComplete(
        (ignoredAnswer, ignoredFailure) -> {
          if (ended.compareAndSet(false, true)) {
            try {
              async.start(() -> writeAndComplete(async, result, whyNotFound));
            } catch (RuntimeException noPoolThread) {
              writeAndComplete(async, result, whyNotFound);
            }
          }
        });
  }

  private static void waitAndWrite(
      HttpServletResponse response, FirstChannelAnswer answer, String whyNotFound)
      throws IOException {
    try {
      answer.result().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel();
      error(response, 504, "timeout", "the channel did not answer in time");
      return;
    } catch (InterruptedException e) {
      answer.cancel();
      Thread.currentThread().interrupt();
    } catch (ExecutionException | CancellationException e) {
      // written below
    }
    writeResult(response, answer.result(), whyNotFound);
  }

  private static void writeAndComplete(
      AsyncContext async,
      CompletableFuture<Optional<ChannelHttpResponse>> result,
      String whyNotFound) {
    try {
      writeResult((HttpServletResponse) async.getResponse(), result, whyNotFound);
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "a channel's answer could not be written (the client went away?)", e);
    } finally {
      try {
        async.complete();
      } catch (IllegalStateException alreadyEnded) {
        LOG.log(Level.FINE, "the request had ended already", alreadyEnded);
      }
    }
  }

  private static void writeResult(
      HttpServletResponse response,
      CompletableFuture<Optional<ChannelHttpResponse>> result,
      String whyNotFound)
      throws IOException {
    Optional<ChannelHttpResponse> answer;
    try {
      answer = result.get();
    } catch (ExecutionException | CancellationException | CompletionException e) {
      LOG.log(Level.WARNING, "a channel failed to answer an HTTP request", e);
      error(response, 500, "internal_error", "the channel failed to answer");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(response, 500, "internal_error", "interrupted");
      return;
    }
    if (answer.isEmpty()) {
      notFound(response, whyNotFound);
      return;
    }
    response.setStatus(answer.get().status());
    answer.get().headers().forEach(response::setHeader);
    response.setContentType(answer.get().contentType());
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(answer.get().body());
  }

  /** A 404 with the reason as JSON. */
  static void notFound(HttpServletResponse response, String why) throws IOException {
    error(response, 404, "not_found", why);
  }

  private static void error(HttpServletResponse response, int status, String error, String why)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"error\":\""
                + error
                + "\",\"message\":\""
                + why.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
  }

  /** Ends a waiting request that its answer did not end: the time limit or a failed connection. */
  private static final class Ending implements AsyncListener {

    private final FirstChannelAnswer answer;
    private final AtomicBoolean ended;

    Ending(FirstChannelAnswer answer, AtomicBoolean ended) {
      this.answer = answer;
      this.ended = ended;
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      if (ended.compareAndSet(false, true)) {
        answer.cancel();
        HttpServletResponse response = (HttpServletResponse) event.getAsyncContext().getResponse();
        error(response, 504, "timeout", "the channel did not answer in time");
        event.getAsyncContext().complete();
      }
    }

    @Override
    public void onError(AsyncEvent event) {
      if (ended.compareAndSet(false, true)) {
        answer.cancel();
        event.getAsyncContext().complete();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
      answer.cancel();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // not restarted
    }
  }
}
