package dev.parley.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.nlu.Message;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BotAssemblerTest {

  private static final PluginRegistry REGISTRY =
      new PluginRegistry(
          new ServerSettings(
              "target/assembler-test",
              Optional.of("target/no-plugins"),
              Optional.empty(),
              Optional.empty(),
              4096,
              1000,
              10,
              1,
              false));

  private static BotModel assemble(String config) throws Exception {
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    files.put("config.yml", config);
    var project = new BotProjectParser().parse(files);
    return new BotAssembler(REGISTRY).assemble("t", "b", 1, project, new HashMap<>(), true);
  }

  @Test
  void rasaNamesAreMappedWithWarningsNamingTheSubstitute() throws Exception {
    BotModel model =
        assemble(
            String.join(
                "\n",
                "language: en",
                "pipeline:",
                "  - name: WhitespaceTokenizer",
                "  - name: DIETClassifier",
                "    epochs: 20",
                "    entity_recognition: false",
                "policies:",
                "  - name: RulePolicy",
                "  - name: TEDPolicy",
                ""));
    assertEquals(2, model.policies().size());
    assertEquals("AugmentedMemoizationPolicy", model.policies().get(1).name());
    String warnings = model.warnings().toString();
    assertTrue(warnings.contains("WhitespaceTokenizer is not needed"), warnings);
    assertTrue(
        warnings.contains("DIETClassifier is served by Parley's CascadeIntentClassifier"),
        warnings);
    assertTrue(model.warnings().stream().anyMatch(w -> w.line() == 4), warnings);
  }

  @Test
  void withoutAThresholdTrainingChoosesOneFromHeldOutExamples() throws Exception {
    BotModel model =
        assemble(
            String.join(
                "\n",
                "language: en",
                "pipeline:",
                "  - name: DIETClassifier",
                "    entity_recognition: false",
                "parley:",
                "  target_precision: 0.9",
                ""));
    String warnings = model.warnings().toString();
    assertTrue(warnings.contains("fallback_threshold: auto"), warnings);
    AutoThreshold.Choice choice = model.nlu().thresholdChoice().orElseThrow();
    assertEquals(choice.threshold(), model.nlu().threshold());
    assertTrue(choice.precision() >= 0.9, choice.summary());
    assertTrue(warnings.contains(String.format(java.util.Locale.ROOT, "%.3f", choice.threshold())));
    assertEquals(
        "greet", model.nlu().parse(new Message("hello there", "en", Map.of())).intent().name());
  }

  @Test
  void dietClassifierAlsoLearnsEntitiesWithTheCrfUnlessTurnedOff() throws Exception {
    String config =
        String.join(
            "\n",
            "language: en",
            "pipeline:",
            "  - name: DIETClassifier",
            "policies:",
            "  - name: RulePolicy",
            "");
    BotModel model = assemble(config);
    assertTrue(
        model.warnings().toString().contains("served by Parley's CRFEntityExtractor"),
        model.warnings().toString());
    var entities =
        model.nlu().parse(new Message("can I get a beef set meal", "en", Map.of())).entities();
    assertTrue(
        entities.stream()
            .anyMatch(
                e ->
                    e.entity().equals("meal_kind")
                        && e.value().equals("beef")
                        && e.extractor().equals("CRFEntityExtractor")),
        entities.toString());

    BotModel off =
        assemble(config.replace("DIETClassifier", "DIETClassifier\n    entity_recognition: false"));
    assertTrue(
        off.nlu()
            .parse(new Message("can I get a beef set meal", "en", Map.of()))
            .entities()
            .isEmpty());
  }

  @Test
  void aVersionWhoseStoredModelsCannotBeLoadedIsTrainedAgainFromItsFiles() throws Exception {
    // Stored by a build whose DIETClassifier learned no entities: no CRF model among the artifacts.
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    String config =
        String.join(
            "\n",
            "language: en",
            "pipeline:",
            "  - name: DIETClassifier",
            "policies:",
            "  - name: RulePolicy",
            "");
    files.put(
        "config.yml",
        config.replace("DIETClassifier", "DIETClassifier\n    entity_recognition: false"));
    Map<String, byte[]> artifacts = new HashMap<>();
    new BotAssembler(REGISTRY)
        .assemble("t", "b", 3, new BotProjectParser().parse(files), artifacts, true);

    files.put("config.yml", config);
    var project = new BotProjectParser().parse(files);
    assertThrows(
        BotDefinitionException.class,
        () -> new BotAssembler(REGISTRY).assemble("t", "b", 3, project, artifacts, false));
    BotModel loaded =
        new StoredModelLoader(new BotAssembler(REGISTRY)).load("t", "b", 3, project, artifacts);
    assertEquals(3, loaded.version());
    assertTrue(
        loaded.warnings().stream()
            .anyMatch(w -> w.message().contains("import the bot again to store")),
        loaded.warnings().toString());
    assertTrue(
        loaded
            .nlu()
            .parse(new Message("can I get a beef set meal", "en", Map.of()))
            .entities()
            .stream()
            .anyMatch(e -> e.extractor().equals("CRFEntityExtractor")));
  }

  @Test
  void unknownComponentsAndBadSettingsAreErrorsWithFileAndLine() {
    BotDefinitionException error =
        assertThrows(
            BotDefinitionException.class,
            () ->
                assemble(
                    String.join(
                        "\n",
                        "language: en",
                        "pipeline:",
                        "  - name: NoSuchClassifier",
                        "  - name: RegexEntityExtractor",
                        "    colour: blue",
                        "policies:",
                        "  - name: MemoizationPolicy",
                        "    max_history: many",
                        "")));
    assertTrue(
        error.errors().stream()
            .anyMatch(
                e ->
                    e.equals(
                        new ValidationMessage(
                            "config.yml",
                            3,
                            "unknown component 'NoSuchClassifier': no installed plugin has this id (see GET /api/admin/plugins)"))),
        error.errors().toString());
    assertTrue(
        error.errors().stream().anyMatch(e -> e.line() == 5 && e.message().contains("'colour'")));
    assertTrue(
        error.errors().stream()
            .anyMatch(e -> e.line() == 8 && e.message().contains("whole number")));
  }

  @Test
  void aFineTunedComponentOnAServerBuiltWithoutItNamesTheProfile() {
    assumeTrue(
        REGISTRY.find(PluginKind.INTENT_CLASSIFIER, "FineTunedIntentClassifier").isEmpty(),
        "this build has the fine-tuning add-on (-Pfinetune)");
    BotDefinitionException error =
        assertThrows(
            BotDefinitionException.class,
            () ->
                assemble(
                    String.join(
                        "\n",
                        "language: en",
                        "pipeline:",
                        "  - name: FineTunedIntentClassifier",
                        "    epochs: 2",
                        "")));
    assertTrue(
        error.errors().stream()
            .anyMatch(
                e ->
                    e.line() == 3
                        && e.message().startsWith("component 'FineTunedIntentClassifier' needs")
                        && e.message().contains("mvn -Pfinetune package")),
        error.errors().toString());
  }
}
