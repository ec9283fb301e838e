package dev.parley.core.plugin;

import dev.parley.plugin.PluginKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of plugin call {@link PluginGuard} guards. Each has an id, used as the {@code kind} tag
 * of the metrics and in its configuration ({@code parley.<id>.*}); the kinds that had settings
 * before the guard existed still read their earlier names ({@code parley.nlu.recheck.*}, {@code
 * parley.llm.*}, {@code parley.action.*}) when the new name is not set.
 */
public enum GuardedKind {
  /** In-process intent classifiers. */
  CLASSIFIER("classifier", null),
  /** In-process entity extractors. */
  EXTRACTOR("extractor", null),
  /** In-process dialogue policies. */
  POLICY("policy", null),
  /** In-process custom actions. */
  ACTION("action", null),
  /** Re-check stages of the NLU fallback chain (remote: own deadline, server-wide bound). */
  RECHECK("recheck", "parley.nlu.recheck."),
  /** Response generators (LLMs; remote: own deadline, tenant bulkhead, server-wide bound). */
  GENERATOR("generator", "parley.llm."),
  /** A bot's action server (remote: server-wide timeout per attempt, connection retries). */
  ACTION_SERVER("action_server", "parley.action.");

  private final String id;
  private final Optional<String> earlierPrefix;

  GuardedKind(String id, String earlierPrefix) {
    this.id = id;
    this.earlierPrefix = Optional.ofNullable(earlierPrefix);
  }

  /** The kind's id: the {@code kind} metric tag and the {@code parley.<id>.} settings prefix. */
  public String id() {
    return id;
  }

  /** Whether calls of this kind leave the server (and run under a server-wide bound). */
  public boolean remote() {
    return this == RECHECK || this == GENERATOR || this == ACTION_SERVER;
  }

  /**
   * The configuration names of a setting, the one that wins first: {@code parley.<id>.<setting>},
   * then the kind's earlier name for it.
   */
  public List<String> configNames(String setting) {
    List<String> names = new ArrayList<>();
    names.add("parley." + id + "." + setting);
    earlierPrefix.ifPresent(
        prefix -> {
          names.add(prefix + setting);
          if (setting.equals(GuardLimits.SERVER_MAX_CONCURRENT)) {
            names.add(prefix + "max.concurrent");
          }
        });
    return names;
  }

  /** The guarded kind of an in-process plugin worker, if the guard decorates that kind. */
  public static Optional<GuardedKind> inProcess(PluginKind kind) {
    return switch (kind) {
      case INTENT_CLASSIFIER -> Optional.of(CLASSIFIER);
      case ENTITY_EXTRACTOR -> Optional.of(EXTRACTOR);
      case DIALOGUE_POLICY -> Optional.of(POLICY);
      case ACTION -> Optional.of(ACTION);
      default -> Optional.empty();
    };
  }
}
