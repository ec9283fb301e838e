package dev.parley.core.llm;

import dev.parley.core.config.WarmUpTraffic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What became of the replies an LLM could phrase, per bot: generated replies sent ({@code
 * parley_llm_generated_total}), templates sent instead by reason ({@code
 * parley_llm_fallbacks_total{reason}}) and replies a check rejected ({@code
 * parley_llm_check_rejections_total{check}}). The calls themselves are counted by the {@link
 * dev.parley.core.plugin.PluginGuard}. Nothing counts for the start-up warm-up ({@link
 * WarmUpTraffic}), which sends no LLM bot turns today anyway.
 */
@ApplicationScoped
public class LlmReplyMetrics {

  private MetricRegistry metrics;
  private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

  /** For CDI proxies. */
  protected LlmReplyMetrics() {}

  /** Uses the application registry. */
  @Inject
  public LlmReplyMetrics(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  /** The generated reply was sent. */
  public void generated(String tenant, String bot) {
    count("parley_llm_generated_total", tenant, bot, null);
  }

  /** A check rejected a generated reply. */
  public void rejectedBy(String tenant, String bot, String check) {
    count("parley_llm_check_rejections_total", tenant, bot, new Tag("check", check));
  }

  /** The template was sent instead, for this reason. */
  public void fellBack(String tenant, String bot, String reason) {
    count("parley_llm_fallbacks_total", tenant, bot, new Tag("reason", reason));
  }

  private void count(String name, String tenant, String bot, Tag extra) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    String key = name + "/" + tenant + "/" + bot + "/" + (extra == null ? "" : extra.getTagValue());
    counters
        .computeIfAbsent(
            key,
            k ->
                extra == null
                    ? metrics.counter(name, new Tag("tenant", tenant), new Tag("bot", bot))
                    : metrics.counter(name, new Tag("tenant", tenant), new Tag("bot", bot), extra))
        .inc();
  }
}
