package dev.parley.core.bot.definition;

import dev.parley.core.bot.definition.StoryParser.Located;
import dev.parley.core.bot.definition.StoryParser.RawStory;
import dev.parley.plugin.bot.Rule;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns stories with {@code or} steps and checkpoints into linear stories: every alternative of an
 * {@code or} gives its own story, and a story ending in a checkpoint continues with every story
 * that starts with it. Expansion is capped so that a cyclic graph cannot explode.
 */
final class StoryExpander {

  private static final int MAX_STORIES = 1_000;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_ALTERNATIVES = 100;

  private final Problems problems;

  StoryExpander(Problems problems) {
    this.problems = problems;
  }

  /** A story split into its start checkpoints, linear bodies and end checkpoints. */
  private record Segment(
      RawStory raw, List<String> starts, List<List<StoryStep>> bodies, List<String> ends) {}

  List<Story> stories(List<RawStory> raws) {
    List<Segment> segments = raws.stream().map(this::segment).toList();
    List<Story> out = new ArrayList<>();
    for (Segment segment : segments) {
      if (!segment.starts().isEmpty()) {
        continue;
      }
      for (List<StoryStep> body : segment.bodies()) {
        follow(segment, body, segments, out, 0);
      }
    }
    if (out.size() >= MAX_STORIES) {
      problems.warn(
          raws.get(0).file(),
          0,
          "checkpoints expand to more than " + MAX_STORIES + " stories; the rest are ignored");
    }
    return out;
  }

  List<Rule> rules(List<RawStory> raws) {
    List<Rule> rules = new ArrayList<>();
    for (RawStory raw : raws) {
      List<StoryStep> conditions = new ArrayList<>();
      raw.conditions().stream()
          .filter(l -> l.step() != null)
          .forEach(l -> conditions.add(l.step()));
      for (List<StoryStep> body : alternatives(raw.steps(), raw)) {
        rules.add(
            new Rule(
                raw.name(), conditions, raw.conversationStart(), raw.waitForUserInput(), body));
      }
    }
    return rules;
  }

  private void follow(
      Segment segment, List<StoryStep> path, List<Segment> segments, List<Story> out, int depth) {
    if (out.size() >= MAX_STORIES) {
      return;
    }
    boolean continued = false;
    if (depth < MAX_DEPTH) {
      for (String end : segment.ends()) {
        for (Segment next : segments) {
          if (next.starts().contains(end)) {
            for (List<StoryStep> body : next.bodies()) {
              List<StoryStep> longer = new ArrayList<>(path);
              longer.addAll(body);
              follow(next, longer, segments, out, depth + 1);
              continued = true;
            }
          }
        }
      }
    }
    if (!continued) {
      out.add(new Story(segment.raw().name(), path));
    }
  }

  private Segment segment(RawStory raw) {
    List<Located> steps = raw.steps();
    int first = 0;
    List<String> starts = new ArrayList<>();
    while (first < steps.size() && steps.get(first).checkpoint() != null) {
      starts.add(steps.get(first++).checkpoint());
    }
    int last = steps.size();
    List<String> ends = new ArrayList<>();
    while (last > first && steps.get(last - 1).checkpoint() != null) {
      ends.add(0, steps.get(--last).checkpoint());
    }
    List<Located> body = steps.subList(first, last);
    for (Located step : body) {
      if (step.checkpoint() != null) {
        problems.error(step.file(), step.line(), "a checkpoint may only start or end a story");
      }
    }
    return new Segment(raw, starts, alternatives(body, raw), ends);
  }

  private List<List<StoryStep>> alternatives(List<Located> steps, RawStory raw) {
    List<List<StoryStep>> bodies = new ArrayList<>();
    bodies.add(new ArrayList<>());
    for (Located step : steps) {
      if (step.checkpoint() != null) {
        continue;
      }
      List<StoryStep> choices = step.step() != null ? List.of(step.step()) : step.alternatives();
      List<List<StoryStep>> next = new ArrayList<>();
      for (List<StoryStep> body : bodies) {
        for (StoryStep choice : choices) {
          if (next.size() >= MAX_ALTERNATIVES) {
            break;
          }
          List<StoryStep> longer = new ArrayList<>(body);
          longer.add(choice);
          next.add(longer);
        }
      }
      bodies = next;
    }
    if (bodies.size() >= MAX_ALTERNATIVES) {
      problems.warn(
          raw.file(),
          raw.line(),
          "'" + raw.name() + "' has too many 'or' combinations; some are ignored");
    }
    return bodies;
  }
}
