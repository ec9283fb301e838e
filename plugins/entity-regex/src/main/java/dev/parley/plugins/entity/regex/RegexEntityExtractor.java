package dev.parley.plugins.entity.regex;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.bot.TrainingData.NamedPatterns;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.dialogue.Artifacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds entities with the bot's {@code regex:} patterns and {@code lookup:} tables (Latin entries
 * on word boundaries, entries with Han characters anywhere). Where matches overlap, the longest
 * wins.
 */
final class RegexEntityExtractor implements EntityExtractor, Trainable {

  private static final String PATTERNS = "patterns";

  private final boolean useRegexes;
  private final boolean useLookups;
  private final boolean caseSensitive;
  private volatile Map<String, List<Pattern>> compiled = Map.of();

  RegexEntityExtractor(boolean useRegexes, boolean useLookups, boolean caseSensitive) {
    this.useRegexes = useRegexes;
    this.useLookups = useLookups;
    this.caseSensitive = caseSensitive;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    LinkedHashMap<String, ArrayList<String>> sources = new LinkedHashMap<>();
    if (useRegexes) {
      for (NamedPatterns regex : data.regexes()) {
        sources.computeIfAbsent(regex.name(), k -> new ArrayList<>()).addAll(regex.elements());
      }
    }
    if (useLookups) {
      for (NamedPatterns lookup : data.lookups()) {
        sources.computeIfAbsent(lookup.name(), k -> new ArrayList<>()).add(lookupPattern(lookup));
      }
    }
    Artifacts.write(storage, PATTERNS, sources);
    compiled = compile(sources);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void load(ModelStorage storage) {
    compiled =
        compile(Artifacts.read(storage, PATTERNS, LinkedHashMap.class, RegexEntityExtractor.class));
  }

  @Override
  public List<Entity> extract(Message message, List<Entity> previous) {
    List<Entity> found = new ArrayList<>();
    String text = message.text();
    compiled.forEach(
        (entity, patterns) -> {
          for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
              if (matcher.end() > matcher.start()) {
                found.add(
                    Entity.of(
                        entity,
                        matcher.group(),
                        matcher.start(),
                        matcher.end(),
                        1.0,
                        RegexEntityExtractorFactory.ID));
              }
            }
          }
        });
    found.sort(
        Comparator.comparingInt((Entity e) -> e.end() - e.start())
            .reversed()
            .thenComparingInt(Entity::start));
    List<Entity> kept = new ArrayList<>();
    for (Entity candidate : found) {
      boolean overlaps =
          kept.stream().anyMatch(k -> candidate.start() < k.end() && k.start() < candidate.end());
      if (!overlaps) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(Entity::start));
    List<Entity> all = new ArrayList<>(previous);
    all.addAll(kept);
    return all;
  }

  private static String lookupPattern(NamedPatterns lookup) {
    List<String> alternatives = new ArrayList<>();
    lookup.elements().stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(
            entry -> {
              boolean han =
                  entry
                      .codePoints()
                      .anyMatch(
                          cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
              String quoted = Pattern.quote(entry);
              alternatives.add(
                  han ? quoted : "(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])");
            });
    return String.join("|", alternatives);
  }

  private Map<String, List<Pattern>> compile(Map<String, ? extends List<String>> sources) {
    int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
    sources.forEach(
        (entity, list) -> {
          List<Pattern> compiledList = new ArrayList<>();
          for (String source : list) {
            if (!source.isEmpty()) {
              compiledList.add(Pattern.compile(source, flags));
            }
          }
          patterns.put(entity, List.copyOf(compiledList));
        });
    return patterns;
  }
}
