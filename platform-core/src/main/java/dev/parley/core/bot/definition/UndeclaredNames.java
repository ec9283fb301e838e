package dev.parley.core.bot.definition;

import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intents and entities that only the NLU data names, treated as Rasa treats them: the NLU learns
 * them and the project imports with one warning per name, at its first example. An undeclared
 * intent joins the domain (so stories, rules and {@code /intent} payloads may use it); the base of
 * a retrieval intent ({@code chitchat} of {@code chitchat/ask_name}) joins it silently, as Rasa's
 * importer adds retrieval intents found in the data.
 */
final class UndeclaredNames {

  private UndeclaredNames() {}

  static void warnAndAdopt(
      List<NluDataParser.Located> examples, DomainParser domain, Problems problems) {
    Map<String, First> intents = new LinkedHashMap<>();
    Map<String, First> entities = new LinkedHashMap<>();
    for (NluDataParser.Located located : examples) {
      String intent = located.example().intent();
      int slash = intent.indexOf('/');
      String base = slash > 0 ? intent.substring(0, slash) : intent;
      if (slash > 0 && !domain.intents().contains(base)) {
        domain.adoptIntent(base);
      }
      if (!declared(base, domain)) {
        intents.computeIfAbsent(base, name -> new First(located)).count++;
      }
      for (EntityAnnotation entity : located.example().entities()) {
        if (!domain.entities().containsKey(entity.entity())) {
          entities.computeIfAbsent(entity.entity(), name -> new First(located)).count++;
        }
      }
    }
    intents.forEach(
        (intent, first) -> {
          domain.adoptIntent(intent);
          problems.warn(
              first.where.file(),
              first.where.line(),
              "intent '"
                  + intent
                  + "' is not declared in the domain; its "
                  + first.count
                  + " example(s) are trained and the intent is added to the domain");
        });
    entities.forEach(
        (entity, first) ->
            problems.warn(
                first.where.file(),
                first.where.line(),
                "entity '"
                    + entity
                    + "' is not declared in the domain; its "
                    + first.count
                    + " annotation(s) are trained, but no slot can map it until it is declared"));
  }

  private static boolean declared(String intent, DomainParser domain) {
    return domain.intents().contains(intent) || ProjectValidator.DEFAULT_INTENTS.contains(intent);
  }

  /** Where a name first appeared, and how often it appeared. */
  private static final class First {
    private final NluDataParser.Located where;
    private int count;

    First(NluDataParser.Located where) {
      this.where = where;
    }
  }
}
