package dev.parley.core.rest.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request path against a channel's socket path template ({@code socket.io/}, {@code
 * v3/directline/conversations/{conversationId}/stream}): segment by segment, a segment in braces
 * taking any one non-empty segment; a trailing slash must match.
 */
final class ChannelPaths {

  private ChannelPaths() {}

  /** The template's parameters, if the path matches it. */
  static Optional<Map<String, String>> match(String template, String path) {
    String[] expected = template.split("/", -1);
    String[] actual = path.split("/", -1);
    if (expected.length != actual.length) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < expected.length; i++) {
      String want = expected[i];
      if (want.length() > 2 && want.startsWith("{") && want.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return Optional.empty();
        }
        parameters.put(want.substring(1, want.length() - 1), actual[i]);
      } else if (!want.equals(actual[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }

  /**
   * The URL paths a channel serves: its root below every bot ({@code
   * /channels/{tenant}/{bot}/{id}/}), then each socket path at the server's root.
   */
  static List<String> served(String id, List<String> socketPaths) {
    List<String> paths = new ArrayList<>();
    paths.add(ChannelServlet.BOT_ROOT + "/{tenant}/{bot}/" + id + "/");
    socketPaths.forEach(path -> paths.add("/" + path));
    return List.copyOf(paths);
  }

  /** The first segment of a template, which the server maps at the root ({@code socket.io}). */
  static String firstSegment(String template) {
    int slash = template.indexOf('/');
    return slash < 0 ? template : template.substring(0, slash);
  }
}
