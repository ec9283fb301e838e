package dev.parley.core.rest.channel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which socket paths a third-party channel may claim. A channel's socket paths are served below its
 * own root, {@code /channels/{tenant}/{bot}/{id}/}, and at the server's root for the bot bound to
 * Rasa's paths, where the server maps each path's first segment ({@code /socket.io/*}). So a jar
 * from the plugin folder may claim only relative paths without dot segments whose first segment is
 * its own: a plain name that is not one of the server's {@link #SERVER_ROOTS} and not a segment an
 * earlier channel serves. Built-in channels are not checked: their root paths ({@code /socket.io/},
 * {@code /v3/}) are Rasa's and Direct Line's.
 */
final class ChannelPathRule {

  /**
   * The first path segments the server (or Liberty beside it) answers itself, lower case: the API,
   * the channels' own root, the console, Rasa's paths, the ops and error servlets, the MicroProfile
   * endpoints and the web application's private folders.
   */
  static final Set<String> SERVER_ROOTS =
      Set.of(
          "api",
          "channels",
          "console",
          "webhooks",
          "model",
          "conversations",
          "domain",
          "version",
          "status",
          "error-page",
          "health",
          "metrics",
          "openapi",
          "ibm",
          "meta-inf",
          "web-inf");

  /** A first segment the server can map at its root as {@code /<segment>/*}. */
  private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

  private ChannelPathRule() {}

  /**
   * Why a third-party channel may not serve these socket paths, naming the first offending one;
   * empty when it may.
   *
   * @param socketPaths the channel's {@link dev.parley.plugin.channel.Channel#socketPaths()}
   * @param takenRoots the first segments (lower case) that channels accepted before serve at the
   *     root
   */
  static Optional<String> refusal(List<String> socketPaths, Set<String> takenRoots) {
    for (String path : socketPaths) {
      Optional<String> problem = problem(path, takenRoots);
      if (problem.isPresent()) {
        return Optional.of("claims the path " + path + ", " + problem.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problem(String path, Set<String> takenRoots) {
    if (path.startsWith("/")) {
      return Optional.of(
          "an absolute path: socket paths are relative to the channel's root"
              + " /channels/{tenant}/{bot}/{id}/");
    }
    List<String> segments = List.of(path.split("/", -1));
    if (segments.stream().anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
      return Optional.of("which has a '.' or '..' segment");
    }
    String first = ChannelPaths.firstSegment(path);
    if (!PLAIN_SEGMENT.matcher(first).matches()) {
      return Optional.of(
          "whose first segment '" + first + "' is not a plain name (letters, digits, . _ ~ -)");
    }
    String root = first.toLowerCase(Locale.ROOT);
    if (SERVER_ROOTS.contains(root)) {
      return Optional.of("which the server would serve at /" + first + "/, the server's own path");
    }
    if (takenRoots.contains(root)) {
      return Optional.of("which the server would serve at /" + first + "/, another channel's path");
    }
    return Optional.empty();
  }
}
