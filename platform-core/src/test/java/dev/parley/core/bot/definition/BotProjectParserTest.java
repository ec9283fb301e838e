package dev.parley.core.bot.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.SlotMappingType;
import dev.parley.plugin.bot.StoryStep;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotProjectParserTest {

  static Map<String, String> demoFiles() throws IOException {
    return dev.parley.core.DemoBotFiles.load();
  }

  @Test
  void theDemoBotParsesCompletely() throws IOException {
    BotProject project = new BotProjectParser().parse(demoFiles());
    assertEquals("en", project.config().language());
    assertTrue(project.config().parley().publicBot());
    assertEquals(0.45, project.config().parley().fallbackThreshold().orElseThrow());
    assertEquals(
        List.of("meal_kind", "size", "phone", "address"),
        project.domain().forms().get("order_form").requiredSlots());
    assertTrue(project.domain().slots().get("phone").sensitive());
    assertEquals(
        SlotMappingType.FROM_TEXT,
        project.domain().slots().get("address").mappings().get(0).type());
    assertTrue(project.domain().slots().containsKey("requested_slot"));
    assertEquals(4, project.testStories().size());
    assertEquals(10, project.trainingData().rules().size());
    NluExample annotated =
        project.trainingData().examples().stream()
            .filter(e -> e.text().equals("I'd like to order a chicken set meal"))
            .findFirst()
            .orElseThrow();
    assertEquals("meal_kind", annotated.entities().get(0).entity());
    assertEquals(
        "chicken",
        annotated
            .text()
            .substring(annotated.entities().get(0).start(), annotated.entities().get(0).end()));
    assertEquals("vegetarian", project.trainingData().synonyms().get("veggie"));
    assertEquals("鸡肉", project.trainingData().synonyms().get("鸡"));
    var submit =
        project.trainingData().rules().stream()
            .filter(r -> r.name().equals("submit the order form"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(new StoryStep.Loop("order_form")), submit.conditions());
    assertEquals(new StoryStep.Loop(null), submit.steps().get(1));
  }

  @Test
  void annotationsInTheirThreeForms() throws Exception {
    var parsed =
        EntityAnnotations.parse(
            "send [two](amount) [big]{\"entity\": \"size\", \"value\": \"large\", \"role\": \"r\"} [veg](kind:vegetarian) meals");
    assertEquals("send two big veg meals", parsed.text());
    assertEquals(3, parsed.entities().size());
    assertEquals("large", parsed.entities().get(1).value());
    assertEquals("r", parsed.entities().get(1).role());
    assertEquals("vegetarian", parsed.entities().get(2).value());
    assertEquals(
        "veg",
        parsed.text().substring(parsed.entities().get(2).start(), parsed.entities().get(2).end()));
    assertThrows(
        EntityAnnotations.AnnotationException.class, () -> EntityAnnotations.parse("a [broken(x)"));
    assertThrows(
        EntityAnnotations.AnnotationException.class,
        () -> EntityAnnotations.parse("a [b]{\"entity\": }"));
  }

  @Test
  void problemsNameFileAndLine() throws IOException {
    Map<String, String> files = demoFiles();
    files.put(
        "data/stories.yml",
        String.join(
            "\n",
            "version: \"3.1\"",
            "stories:",
            "  - story: broken",
            "    steps:",
            "      - intent: greet",
            "      - action: utter_greet",
            "      - intent: order_pizza",
            "      - action: utter_pizza",
            ""));
    files.put(
        "data/extra.yml", "nlu:\n  - intent: greet\n    examples: |\n      - hi [there](nobody\n");
    BotDefinitionException error =
        assertThrows(BotDefinitionException.class, () -> new BotProjectParser().parse(files));
    List<ValidationMessage> errors = error.errors();
    assertTrue(
        errors.contains(
            new ValidationMessage(
                "data/stories.yml", 7, "unknown intent 'order_pizza' in story 'broken'")),
        errors.toString());
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.file().equals("data/stories.yml")
                        && e.line() == 8
                        && e.message().contains("utter_pizza")),
        errors.toString());
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.file().equals("data/extra.yml")
                        && e.line() == 4
                        && e.message().contains("broken entity annotation")),
        errors.toString());
  }

  @Test
  void brokenYamlAndMissingFiles() {
    BotDefinitionException error =
        assertThrows(
            BotDefinitionException.class,
            () ->
                new BotProjectParser().parse(Map.of("domain.yml", "intents:\n  - greet\n bad: [")));
    assertTrue(
        error.errors().stream()
            .anyMatch(
                e ->
                    e.file().equals("domain.yml")
                        && e.line() > 0
                        && e.message().startsWith("invalid YAML")),
        error.errors().toString());
    assertTrue(error.errors().stream().anyMatch(e -> e.message().contains("no config.yml")));
    assertFalse(error.getMessage().isBlank());
  }

  @Test
  void thresholdAutoAndTargetPrecision() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(demoFiles());
    files.put(
        "config.yml",
        files.get("config.yml").replace("  - name: FallbackClassifier\n    threshold: 0.45\n", "")
            + "  fallback_threshold: auto\n  target_precision: 0.9\n");
    ParleySettings settings = new BotProjectParser().parse(files).config().parley();
    assertTrue(settings.fallbackThreshold().isEmpty());
    assertEquals(0.9, settings.targetPrecision());
    Map<String, String> noThreshold = new java.util.HashMap<>(demoFiles());
    noThreshold.put(
        "config.yml",
        noThreshold
            .get("config.yml")
            .replace("  - name: FallbackClassifier\n    threshold: 0.45\n", ""));
    ParleySettings defaults = new BotProjectParser().parse(noThreshold).config().parley();
    assertTrue(defaults.fallbackThreshold().isEmpty(), "no threshold given: auto");
    assertEquals(ParleySettings.DEFAULT_TARGET_PRECISION, defaults.targetPrecision());
  }

  @Test
  void outOfScopeIntentIsNamedUnderParleyNlu() throws IOException {
    assertEquals(
        ParleySettings.DEFAULT_OOS_INTENT,
        new BotProjectParser().parse(demoFiles()).config().parley().oosIntent());
    Map<String, String> files = new java.util.HashMap<>(demoFiles());
    files.put(
        "config.yml", files.get("config.yml") + "  nlu:\n    oos_intent: chitchat_unsupported\n");
    assertEquals(
        "chitchat_unsupported", new BotProjectParser().parse(files).config().parley().oosIntent());
    files.put("config.yml", demoFiles().get("config.yml") + "  nlu:\n    oos: x\n");
    BotDefinitionException error =
        assertThrows(BotDefinitionException.class, () -> new BotProjectParser().parse(files));
    assertTrue(error.getMessage().contains("parley.nlu"), error.getMessage());
  }

  @Test
  void generatorSettingsAreReadWithDefaults() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(demoFiles());
    files.put(
        "config.yml",
        files.get("config.yml")
            + String.join(
                "\n",
                "  generator:",
                "    name: OpenAiChatGenerator",
                "    responses: [utter_greet]",
                "    instructions: Be brief.",
                "    temperature: 0.1",
                ""));
    GeneratorSettings settings =
        new BotProjectParser().parse(files).config().parley().generator().orElseThrow();
    assertEquals("OpenAiChatGenerator", settings.plugin().name());
    assertEquals(Map.of("temperature", 0.1), settings.plugin().params());
    assertEquals("default", settings.connection());
    assertEquals(1500, settings.timeoutMillis());
    assertEquals(6, settings.memoryTurns());
    assertFalse(settings.allowSensitiveSlots());
    assertTrue(settings.covers("utter_greet"));
    assertFalse(settings.covers("utter_goodbye"));
  }

  @Test
  void generatorSettingsRejectSecretsAndBadValuesAtTheirLine() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(demoFiles());
    String config = files.get("config.yml");
    int firstLine = (int) config.lines().count() + 1;
    files.put(
        "config.yml",
        config
            + String.join(
                "\n",
                "  generator:",
                "    name: OpenAiChatGenerator",
                "    api_key: sk-123",
                "    timeout_ms: -5",
                "    responses: 12",
                ""));
    List<ValidationMessage> errors =
        assertThrows(BotDefinitionException.class, () -> new BotProjectParser().parse(files))
            .errors();
    assertTrue(
        errors.stream().anyMatch(e -> e.line() == firstLine + 2 && e.message().contains("api_key")),
        errors.toString());
    assertTrue(
        errors.stream()
            .anyMatch(e -> e.line() == firstLine + 3 && e.message().contains("timeout_ms")),
        errors.toString());
    assertTrue(
        errors.stream()
            .anyMatch(e -> e.line() == firstLine + 4 && e.message().contains("responses")),
        errors.toString());
    assertFalse(errors.toString().contains("sk-123"));
  }
}
