package dev.parley.plugin.bot;

import java.util.List;
import java.util.Map;

/**
 * Everything a trainable plugin may learn from: the NLU data and the stories and rules, after
 * parsing ({@code or} steps and checkpoints already expanded into linear stories).
 *
 * @param language the bot's language code
 * @param domain the domain
 * @param examples intent examples with their entity annotations
 * @param synonyms synonym text (lower case) to canonical value
 * @param regexes named regular expressions
 * @param lookups named lookup tables
 * @param stories linear stories
 * @param rules rules
 */
public record TrainingData(
    String language,
    Domain domain,
    List<NluExample> examples,
    Map<String, String> synonyms,
    List<NamedPatterns> regexes,
    List<NamedPatterns> lookups,
    List<Story> stories,
    List<Rule> rules) {

  /** Copies the collections. */
  public TrainingData {
    examples = List.copyOf(examples);
    synonyms = Map.copyOf(synonyms);
    regexes = List.copyOf(regexes);
    lookups = List.copyOf(lookups);
    stories = List.copyOf(stories);
    rules = List.copyOf(rules);
  }

  /**
   * A regex or a lookup table.
   *
   * @param name the entity (or feature) name
   * @param elements the patterns or the table's entries
   */
  public record NamedPatterns(String name, List<String> elements) {
    /** Copies the list. */
    public NamedPatterns {
      elements = List.copyOf(elements);
    }
  }
}
