package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Clock;
import dev.parley.plugins.entity.system.TimeParts.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English clock times in digits or words: "5pm", "at 17:30", "838 am", "noon", "at five", "five
 * pm", "half past four", "quarter to six", "twenty past 3pm", "at seven thirty"; and ranges of
 * them: "from 3pm to 5pm", "between 3 and 5 pm", "3-5pm", "8am until 6".
 *
 * <p>A bare number ("3", "seven thirty") is taken for a time only with "at" before it, and a bare
 * hour word ("at five") only at the end of a phrase, so that "look at one of them" is no time.
 */
final class EnglishClock {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  private static final String HOUR_WORD =
      "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
  private static final String UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine";
  private static final String MINUTE_WORD =
      "(?:twenty|thirty|forty|fifty)(?:[\\s-](?:"
          + UNIT_WORD
          + "))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
          + "|o(?:h|')?[\\s-]?(?:"
          + UNIT_WORD
          + ")";
  private static final String MERIDIEM = "a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|am|pm";

  private static final String COUNT = "\\d{1,2}|" + MINUTE_WORD + "|" + UNIT_WORD;

  /** One clock time; groups are named for {@link #parse}. */
  private static final String SIDE =
      "(?:(?<at>at|@)\\s*)?"
          + "(?:(?<rel>half|(?:a\\s+)?quarter)\\s+(?<dir>past|after|to|before|till)\\s+"
          + "|(?<relPast>"
          + COUNT
          + ")\\s+(?:minutes?\\s+)?(?:past|after)\\s+"
          + "|(?<relTo>"
          + COUNT
          + ")\\s+minutes?\\s+(?:to|before|till)\\s+)?"
          + "(?:(?<h>\\d{1,2})(?::(?<m>\\d{2}))?|(?<hm>\\d{3,4})|(?<hw>"
          + HOUR_WORD
          + ")(?:[\\s-]+(?<mw>"
          + MINUTE_WORD
          + "))?|(?<special>noon|midday|midnight))"
          + "(?<oclock>\\s*o'?clock)?"
          + "(?:\\s*(?<mer>"
          + MERIDIEM
          + ")(?!\\w))?";

  private static final Pattern CLOCK =
      Pattern.compile("(?<![\\w:.,])" + SIDE + "(?![\\w:])", FLAGS);

  /** What may follow a bare "at five" for it to be a time. */
  private static final Pattern AFTER_BARE_WORD =
      Pattern.compile(
          "^\\s*(?:$|[.,;:!?)]|(?:today|tomorrow|tonight|on|in|this|next|and|or|then|please|sharp)\\b)",
          FLAGS);

  private static final Pattern CONNECTOR =
      Pattern.compile("\\s*(-|–|—|to|and|until|till|through|thru)\\s*", FLAGS);
  private static final Pattern RANGE_START = Pattern.compile("\\b(from|between)\\s+$", FLAGS);

  private static final Pattern OH =
      Pattern.compile("^(?:oh|o'|o)[\\s-]?(?=(?:" + UNIT_WORD + ")$)");

  private EnglishClock() {}

  /** A clock time as written, and whether its words alone make it a time. */
  private record Written(Clock clock, boolean marked, boolean standalone) {}

  /** The clock times in a text. */
  static List<Clock> clocks(String text) {
    return scan(text).stream().filter(Written::standalone).map(Written::clock).toList();
  }

  /** The ranges of clock times in a text. */
  static List<Range> ranges(String text) {
    List<Written> written = scan(text);
    List<Range> ranges = new ArrayList<>();
    for (int i = 0; i + 1 < written.size(); i++) {
      Written first = written.get(i);
      Written second = written.get(i + 1);
      Matcher connector =
          CONNECTOR.matcher(text.substring(first.clock().end(), second.clock().start()));
      if (!connector.matches() || !(first.marked() || second.marked())) {
        continue;
      }
      Matcher start = RANGE_START.matcher(text.substring(0, first.clock().start()));
      boolean hasStart = start.find();
      boolean between = hasStart && start.group(1).equalsIgnoreCase("between");
      if (connector.group(1).equalsIgnoreCase("and") != between) {
        continue;
      }
      ranges.add(
          new Range(
              hasStart ? start.start() : first.clock().start(),
              second.clock().end(),
              first.clock(),
              second.clock()));
    }
    return ranges;
  }

  private static List<Written> scan(String text) {
    List<Written> written = new ArrayList<>();
    Matcher m = CLOCK.matcher(text);
    while (m.find()) {
      parse(m, text).ifPresent(written::add);
    }
    return written;
  }

  private static Optional<Written> parse(Matcher m, String text) {
    String special = lower(m.group("special"));
    String meridiem = lower(m.group("mer"));
    int hour;
    int minute = 0;
    if (!special.isEmpty()) {
      hour = special.equals("midnight") ? 24 : 12;
    } else if (m.group("hm") != null) {
      if (meridiem.isEmpty()) {
        return Optional.empty();
      }
      hour = Integer.parseInt(m.group("hm")) / 100;
      minute = Integer.parseInt(m.group("hm")) % 100;
    } else if (m.group("h") != null) {
      hour = Integer.parseInt(m.group("h"));
      minute = m.group("m") == null ? 0 : Integer.parseInt(m.group("m"));
    } else {
      hour = EnglishNumbers.small(m.group("hw")).orElse(0);
      minute = m.group("mw") == null ? 0 : minuteWords(m.group("mw"));
    }
    boolean relative =
        m.group("rel") != null || m.group("relPast") != null || m.group("relTo") != null;
    if (relative) {
      String rel = lower(m.group("rel"));
      int offset =
          rel.equals("half")
              ? 30
              : rel.endsWith("quarter")
                  ? 15
                  : minuteWords(m.group("relPast") != null ? m.group("relPast") : m.group("relTo"));
      boolean to = m.group("relTo") != null || lower(m.group("dir")).matches("to|before|till");
      if (minute != 0 || offset <= 0 || offset >= 60) {
        return Optional.empty();
      }
      minute = to ? 60 - offset : offset;
      hour = to ? hour - 1 : hour;
      if (hour == 0 && special.isEmpty()) {
        hour = 12;
      }
    }
    if (hour > 24 || minute > 59 || !meridiem.isEmpty() && (hour > 12 || hour == 0)) {
      return Optional.empty();
    }
    if (!meridiem.isEmpty()) {
      hour = hour % 12 + (meridiem.startsWith("p") ? 12 : 0);
    }
    boolean ambiguous = meridiem.isEmpty() && special.isEmpty() && hour > 0 && hour <= 12;
    boolean fine =
        m.group("m") != null || m.group("hm") != null || m.group("mw") != null || relative;
    boolean marked =
        !meridiem.isEmpty()
            || !special.isEmpty()
            || m.group("m") != null
            || m.group("hm") != null
            || m.group("oclock") != null
            || relative;
    boolean at = m.group("at") != null;
    boolean bareWord = m.group("hw") != null && m.group("mw") == null && !marked;
    boolean standalone =
        marked || at && !bareWord || at && AFTER_BARE_WORD.matcher(text.substring(m.end())).find();
    Clock clock = new Clock(m.start(), m.end(), hour, minute, ambiguous, fine ? "minute" : "hour");
    return Optional.of(new Written(clock, marked, standalone));
  }

  /** "thirty" → 30, "forty-five" → 45, "oh five" → 5, "20" → 20; 0 when not a minute count. */
  private static int minuteWords(String words) {
    String w = OH.matcher(words.toLowerCase(Locale.ROOT)).replaceFirst("");
    int total = 0;
    for (String word : w.split("[\\s-]+")) {
      total += EnglishNumbers.small(word).orElse(0);
    }
    return total;
  }

  /** The written value of an optional group, lower case; empty when the group did not match. */
  private static String lower(String group) {
    return group == null ? "" : group.toLowerCase(Locale.ROOT);
  }
}
