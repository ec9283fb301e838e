package dev.parley.plugins.llm;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugin.response.ReplyCheck;
import dev.parley.plugin.response.ReplyCheckFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A reply check a bot configures itself: generated replies must not contain any of the given
 * phrases (case-insensitive) unless the template does, e.g. {@code discount} or {@code refund} for
 * a shop bot that must not promise either.
 *
 * <pre>
 * parley:
 *   generator:
 *     checks:
 *       - name: ForbiddenPhrases
 *         phrases: [discount, refund, 免费]
 * </pre>
 */
public final class ForbiddenPhrasesCheckFactory implements ReplyCheckFactory {

  /** The id bots name in {@code parley.generator.checks}. */
  public static final String ID = "ForbiddenPhrases";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Rejects generated replies that contain phrases the template does not";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        ConfigProperty.list("phrases", List.of(), "Phrases a generated reply must not add")
            .asRequired());
  }

  @Override
  public ReplyCheck create(PluginContext context) {
    List<String> phrases =
        context.config().getList("phrases").stream()
            .map(phrase -> phrase.strip().toLowerCase(Locale.ROOT))
            .filter(phrase -> !phrase.isEmpty())
            .toList();
    if (phrases.isEmpty()) {
      throw new PluginException("phrases must list at least one phrase");
    }
    return new ForbiddenPhrasesCheck(phrases);
  }

  private record ForbiddenPhrasesCheck(List<String> phrases) implements ReplyCheck {

    @Override
    public String name() {
      return "forbidden_phrases";
    }

    @Override
    public Optional<String> reject(ReplyCandidate candidate) {
      String generated = candidate.generatedText().toLowerCase(Locale.ROOT);
      String template = candidate.templateText().toLowerCase(Locale.ROOT);
      return phrases.stream()
          .filter(phrase -> generated.contains(phrase) && !template.contains(phrase))
          .findFirst()
          .map(phrase -> "the reply adds the forbidden phrase '" + phrase + "'");
    }
  }
}
