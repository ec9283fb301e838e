package dev.parley.plugins.entity.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageEntityExtractorTest {

  @Test
  void hanTextIsChineseAndEverythingElseTheDefault() {
    var factory = new LanguageEntityExtractorFactory();
    EntityExtractor extractor =
        factory.create(
            TestContext.of(
                factory.configProperties(), Map.of(), TrainingDataBuilder.emptyDomain()));
    assertEquals(
        "zh", extractor.extract(new Message("我要 a 套餐", "en", null), List.of()).get(0).value());
    assertEquals(
        "en", extractor.extract(new Message("hello 123", "en", null), List.of()).get(0).value());
    EntityExtractor renamed =
        factory.create(
            TestContext.of(
                factory.configProperties(),
                Map.of("entity", "lang", "default_value", "fr"),
                TrainingDataBuilder.emptyDomain()));
    var entity = renamed.extract(new Message("bonjour", "en", null), List.of()).get(0);
    assertEquals("lang", entity.entity());
    assertEquals("fr", entity.value());
  }
}
