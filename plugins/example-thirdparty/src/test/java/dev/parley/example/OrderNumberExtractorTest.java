package dev.parley.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderNumberExtractorTest {

  private static List<Object> values(String text) {
    var factory = new OrderNumberExtractorFactory();
    EntityExtractor extractor =
        factory.create(
            TestContext.of(
                factory.configProperties(), Map.of(), TrainingDataBuilder.emptyDomain()));
    return extractor.extract(new Message(text, "en", null), List.of()).stream()
        .map(e -> e.value())
        .toList();
  }

  @Test
  void findsOrderNumbersInTheirUsualForms() {
    assertEquals(List.of("12345"), values("where is my order #12345"));
    assertEquals(List.of("987654"), values("track order 987654 please"));
    assertEquals(List.of("55555"), values("订单55555到哪了"));
    assertEquals(List.of(), values("call me at 123"));
    assertEquals(List.of(), values("order #12"));
  }
}
