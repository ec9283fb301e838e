package dev.parley.plugins.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Turns clean test sentences into noisy, colloquial variants, deterministically: the same seed and
 * text always give the same variant (each text draws from its own generator seeded with the seed
 * and the text), so a noisy test split is reproducible.
 *
 * <ul>
 *   <li>English: keyboard-neighbour typos, dropped and doubled letters, two words run together,
 *       lower case without punctuation, filler words ("um", "like", "you know") and clipped forms
 *       ("pls", "thx", "u").
 *   <li>Chinese: homophones from a pinyin table shipped with the test kit ({@code
 *       zh-homophones.tsv}), fillers ("那个", "就是", "嗯"), dropped particles (的, 了, 吗, 呢, 吧, 啊) and
 *       punctuation.
 * </ul>
 *
 * <pre>{@code
 * NoiseGenerator noise = new NoiseGenerator(42);
 * String noisy = noise.noisy("Please book a table for two.", "en"); // e.g. "pls book a tabel for two"
 * }</pre>
 */
public final class NoiseGenerator {

  private static final String[] KEYBOARD = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  private static final String[] EN_FILLERS = {"um", "uh", "like", "you know", "so", "well"};
  private static final String[] ZH_FILLERS = {"那个", "就是", "嗯", "那个那个", "呃"};
  private static final String ZH_PARTICLES = "的了吗呢吧啊";
  private static final Map<String, String> CLIPPED = clippedForms();

  private final long seed;
  private final Map<Character, String> homophones;

  /** A generator with the given seed and the shipped pinyin table. */
  public NoiseGenerator(long seed) {
    this.seed = seed;
    this.homophones = homophones();
  }

  /** A noisy variant of {@code text}; {@code language} {@code zh} for Chinese, else English. */
  public String noisy(String text, String language) {
    Random random = new Random(seed * 31 + text.hashCode());
    return language.startsWith("zh") ? chinese(text, random) : english(text, random);
  }

  /** Noisy variants of every text, in order. */
  public List<String> noisy(List<String> texts, String language) {
    return texts.stream().map(t -> noisy(t, language)).toList();
  }

  private String english(String text, Random random) {
    String out = text;
    if (random.nextDouble() < 0.5) {
      out = out.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}&&[^'&-]]", "").strip();
    }
    List<String> words = new ArrayList<>(List.of(out.split("\\s+")));
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String clipped = CLIPPED.get(word.toLowerCase(Locale.ROOT));
      if (clipped != null && random.nextDouble() < 0.6) {
        words.set(i, clipped);
      } else if (word.length() >= 4 && random.nextDouble() < 0.12) {
        words.set(i, typo(word, random));
      }
    }
    if (words.size() > 2 && random.nextDouble() < 0.1) {
      int i = random.nextInt(words.size() - 1);
      words.set(i, words.get(i) + words.remove(i + 1));
    }
    if (random.nextDouble() < 0.3) {
      words.add(random.nextInt(Math.min(2, words.size()) + 1), pick(EN_FILLERS, random));
    }
    return String.join(" ", words).strip();
  }

  private static String typo(String word, Random random) {
    int at = random.nextInt(word.length());
    char c = word.charAt(at);
    return switch (random.nextInt(4)) {
      case 0 -> word.substring(0, at) + neighbour(c, random) + word.substring(at + 1);
      case 1 -> word.substring(0, at) + word.substring(at + 1);
      case 2 -> word.substring(0, at + 1) + c + word.substring(at + 1);
      default ->
          at + 1 < word.length()
              ? word.substring(0, at) + word.charAt(at + 1) + c + word.substring(at + 2)
              : word.substring(0, at);
    };
  }

  private static char neighbour(char c, Random random) {
    char lower = Character.toLowerCase(c);
    for (String row : KEYBOARD) {
      int i = row.indexOf(lower);
      if (i >= 0) {
        int j = i == 0 ? 1 : i == row.length() - 1 ? i - 1 : i + (random.nextBoolean() ? 1 : -1);
        return row.charAt(j);
      }
    }
    return c;
  }

  private String chinese(String text, Random random) {
    StringBuilder out = new StringBuilder();
    boolean dropPunctuation = random.nextDouble() < 0.5;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (ZH_PARTICLES.indexOf(c) >= 0 && random.nextDouble() < 0.4) {
        continue;
      }
      if (dropPunctuation && "，。？！、,.?!".indexOf(c) >= 0) {
        continue;
      }
      String group = homophones.get(c);
      if (group != null && group.length() > 1 && random.nextDouble() < 0.12) {
        char other;
        do {
          other = group.charAt(random.nextInt(group.length()));
        } while (other == c);
        out.append(other);
        continue;
      }
      out.append(c);
    }
    if (random.nextDouble() < 0.35) {
      String filler = pick(ZH_FILLERS, random);
      if (random.nextBoolean() || out.length() < 2) {
        out.insert(0, filler);
      } else {
        out.insert(1 + random.nextInt(out.length() - 1), filler);
      }
    }
    return out.toString();
  }

  private static String pick(String[] options, Random random) {
    return options[random.nextInt(options.length)];
  }

  private static Map<String, String> clippedForms() {
    Map<String, String> forms = new LinkedHashMap<>();
    String[][] pairs = {
      {"please", "pls"},
      {"thanks", "thx"},
      {"thank", "thx"},
      {"you", "u"},
      {"are", "r"},
      {"your", "ur"},
      {"tomorrow", "tmrw"},
      {"because", "cuz"},
      {"okay", "ok"},
      {"message", "msg"},
      {"information", "info"},
      {"minutes", "mins"},
      {"about", "abt"},
      {"want", "wanna"},
      {"going", "gonna"},
      {"what", "wat"},
      {"tonight", "tonite"},
      {"account", "acct"},
      {"number", "no."},
      {"people", "ppl"},
      {"someone", "sb"},
      {"with", "w/"},
      {"before", "b4"},
      {"for", "4"},
      {"to", "2"},
      {"i'm", "im"},
      {"don't", "dont"},
      {"can't", "cant"},
      {"doesn't", "doesnt"},
      {"morning", "morn"}
    };
    for (String[] pair : pairs) {
      forms.put(pair[0], pair[1]);
    }
    return forms;
  }

  private static Map<Character, String> homophones() {
    Map<Character, String> table = new HashMap<>();
    try (InputStream in = NoiseGenerator.class.getResourceAsStream("zh-homophones.tsv")) {
      if (in == null) {
        throw new IllegalStateException("zh-homophones.tsv is missing from the test kit");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String group = line.split("\t")[1].strip();
        for (char c : group.toCharArray()) {
          table.put(c, group);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }
}
