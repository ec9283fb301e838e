package dev.parley.plugins.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugin.response.ReplyCheck;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForbiddenPhrasesCheckTest {

  private final ForbiddenPhrasesCheckFactory factory = new ForbiddenPhrasesCheckFactory();

  private ReplyCheck check(List<String> phrases) {
    return factory.create(
        TestContext.of(
            factory.configProperties(),
            Map.of("phrases", phrases),
            TrainingDataBuilder.emptyDomain()));
  }

  private static ReplyCandidate reply(String generated, String template) {
    return new ReplyCandidate(
        generated, template, "utter_x", Optional.empty(), false, List.of(), "", "en");
  }

  @Test
  void rejectsAddedPhrasesOnly() {
    ReplyCheck check = check(List.of("Discount", "免费"));
    assertTrue(check.reject(reply("Today a DISCOUNT for you!", "Which size?")).isPresent());
    assertTrue(check.reject(reply("饮料免费！", "您要什么尺寸？")).isPresent());
    assertEquals(
        Optional.empty(),
        check.reject(reply("Yes, the discount applies.", "The discount applies.")),
        "the template itself says it");
    assertEquals(Optional.empty(), check.reject(reply("Which size, then?", "Which size?")));
  }

  @Test
  void needsAtLeastOnePhrase() {
    assertThrows(PluginException.class, () -> check(List.of(" ")));
  }
}
