package dev.parley.core.bot.definition;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code endpoints.yml}: Parley uses {@code action_endpoint} ({@code url}, with {@code
 * ${ACTION_...}} variables substituted); the other sections (tracker store, lock store, event
 * broker, models, nlg) are the server's business and only noted.
 */
final class EndpointsParser {

  static final String FILE = "endpoints.yml";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Problems problems;
  private final Function<String, Optional<String>> variables;

  EndpointsParser(Problems problems, Function<String, Optional<String>> variables) {
    this.problems = problems;
    this.variables = variables;
  }

  Optional<ActionEndpoint> read(String file, Node root) {
    Map<String, Node> sections = Yaml.mapping(root);
    sections.forEach(
        (key, value) -> {
          if (!key.equals("action_endpoint") && !key.equals("version")) {
            problems.warn(
                file,
                Yaml.line(value),
                "'" + key + "' is configured on the Parley server, not in the bot; ignored");
          }
        });
    Node endpoint = sections.get("action_endpoint");
    if (endpoint == null || Yaml.isNull(endpoint)) {
      return Optional.empty();
    }
    Node urlNode = Yaml.mapping(endpoint).get("url");
    Optional<String> raw = urlNode == null ? Optional.empty() : Yaml.text(urlNode);
    if (raw.isEmpty()) {
      problems.error(file, Yaml.line(endpoint), "action_endpoint needs a url");
      return Optional.empty();
    }
    int line = Yaml.line(urlNode);
    return substitute(raw.get(), file, line).flatMap(url -> toUri(url, raw.get(), file, line));
  }

  private Optional<String> substitute(String raw, String file, int line) {
    Matcher matcher = VARIABLE.matcher(raw);
    StringBuilder out = new StringBuilder();
    boolean ok = true;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!ProjectVariables.allowed(name)) {
        problems.error(
            file,
            line,
            "action_endpoint url uses ${"
                + name
                + "}: only variables whose names start with "
                + ProjectVariables.PREFIX
                + " may be used");
        ok = false;
        continue;
      }
      Optional<String> value = variables.apply(name);
      if (value.isEmpty() || value.get().isBlank()) {
        problems.error(
            file,
            line,
            "action_endpoint url uses ${" + name + "}, which is not set on this server");
        ok = false;
        continue;
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.get()));
    }
    matcher.appendTail(out);
    return ok ? Optional.of(out.toString()) : Optional.empty();
  }

  private Optional<ActionEndpoint> toUri(String url, String raw, String file, int line) {
    String problem;
    try {
      URI uri = new URI(url.trim());
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (http && uri.getHost() != null && uri.getRawUserInfo() == null) {
        return Optional.of(new ActionEndpoint(uri, file, line));
      }
      problem = "it must be an http:// or https:// URL with a host and no user info";
    } catch (URISyntaxException e) {
      problem = e.getReason();
    }
    problems.error(file, line, "action_endpoint url '" + raw + "' is not a valid URL: " + problem);
    return Optional.empty();
  }
}
