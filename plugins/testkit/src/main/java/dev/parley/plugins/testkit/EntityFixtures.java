package dev.parley.plugins.testkit;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import dev.parley.plugin.bot.TrainingData;
import java.util.List;

/** Annotated training data for entity extractor tests. */
public final class EntityFixtures {

  private static final List<String> CITIES =
      List.of("Berlin", "Oslo", "New York", "Paris", "San Francisco", "Tokyo", "Madrid", "Rome");
  private static final List<String> SIZES = List.of("small", "large", "medium");
  private static final List<String> TOPPINGS = List.of("mushrooms", "ham", "olives", "pepperoni");

  /**
   * Flights with departure/destination roles of {@code city} and pizzas with grouped {@code size}
   * and {@code topping}, plus a few greetings: the entity extractors' common training fixture.
   */
  public static TrainingData flightsAndPizzas() {
    TrainingDataBuilder builder = new TrainingDataBuilder();
    for (int i = 0; i < CITIES.size(); i++) {
      for (int j = 0; j < CITIES.size(); j++) {
        if (i != j) {
          String from = CITIES.get(i);
          String to = CITIES.get(j);
          builder.example(flight("i want to fly from %s to %s", from, to, false));
          builder.example(flight("book a flight to %s from %s please", to, from, true));
        }
      }
    }
    for (String size : SIZES) {
      for (String topping : TOPPINGS) {
        builder.example(
            pizza(
                "a " + size + " pizza with " + topping + " and a " + size + " one with cheese",
                size,
                topping));
      }
    }
    builder.intent("greet", "hello there", "hi", "good morning");
    return builder.build();
  }

  private static NluExample flight(String template, String first, String second, boolean toFirst) {
    String text = String.format(template, first, second);
    int a = text.indexOf(first);
    int b = text.indexOf(second, a + first.length());
    return new NluExample(
        text,
        "book_flight",
        List.of(
            new EntityAnnotation(
                a, a + first.length(), "city", first, toFirst ? "destination" : "departure", null),
            new EntityAnnotation(
                b,
                b + second.length(),
                "city",
                second,
                toFirst ? "departure" : "destination",
                null)));
  }

  private static NluExample pizza(String text, String size, String topping) {
    int s = text.indexOf(size);
    int t = text.indexOf(topping);
    int s2 = text.lastIndexOf(size);
    int c = text.indexOf("cheese");
    return new NluExample(
        text,
        "order_pizza",
        List.of(
            new EntityAnnotation(s, s + size.length(), "size", size, null, "1"),
            new EntityAnnotation(t, t + topping.length(), "topping", topping, null, "1"),
            new EntityAnnotation(s2, s2 + size.length(), "size", size, null, "2"),
            new EntityAnnotation(c, c + 6, "topping", "cheese", null, "2")));
  }

  private EntityFixtures() {}
}
