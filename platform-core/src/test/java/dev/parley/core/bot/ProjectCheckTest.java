package dev.parley.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The validate-only check ({@link BotService#check}, behind the console editor's validate endpoint
 * and {@code parley validate}): settings outside their declared bounds are problems at their line
 * in the wording of training's refusal, and Rasa options Parley ignores are warnings at their line.
 */
class ProjectCheckTest {

  private static final PluginRegistry REGISTRY =
      new PluginRegistry(
          new ServerSettings(
              "target/project-check-test",
              Optional.of("target/no-plugins"),
              Optional.empty(),
              Optional.empty(),
              4096,
              1000,
              10,
              1,
              false));

  /** The check touches no repository, catalog or tracker: it only parses and resolves. */
  private static final BotService BOTS =
      new BotService(
          null,
          null,
          null,
          null,
          null,
          REGISTRY,
          LlmConnectionLookup.NONE,
          PluginGuard.standalone());

  private static Map<String, String> project(String... configLines) {
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    files.put("config.yml", String.join("\n", configLines) + "\n");
    return files;
  }

  private static List<ValidationMessage> check(Map<String, String> project) {
    return BOTS.check("t", "b", project);
  }

  private static List<ValidationMessage> problems(Map<String, String> project) {
    return assertThrows(BotDefinitionException.class, () -> check(project)).errors();
  }

  private static List<ValidationMessage> atLine(List<ValidationMessage> messages, int line) {
    return messages.stream().filter(m -> m.line() == line).toList();
  }

  @Test
  void aSettingOutsideItsBoundsIsAProblemAtItsLineWordedAsTrainingRefusesIt() {
    Map<String, String> project =
        project(
            "language: en",
            "pipeline:",
            "  - name: LogisticRegressionIntentClassifier",
            "    seed: 7",
            "    epochs: -5",
            "policies:",
            "  - name: RulePolicy");
    List<ValidationMessage> problems = problems(project);
    assertEquals(
        List.of(
            new ValidationMessage(
                "config.yml",
                5,
                "LogisticRegressionIntentClassifier: setting 'epochs' must be at least 1, got -5")),
        problems);
    BotDefinitionException training =
        assertThrows(
            BotDefinitionException.class,
            () ->
                new BotAssembler(REGISTRY)
                    .assemble(
                        "t", "b", 1, new BotProjectParser().parse(project), new HashMap<>(), true));
    assertEquals(problems, training.errors());
  }

  @Test
  void aSettingOfTheWrongTypeIsAProblemAtItsLine() {
    List<ValidationMessage> problems =
        problems(
            project(
                "language: en",
                "pipeline:",
                "  - name: LogisticRegressionIntentClassifier",
                "policies:",
                "  - name: MemoizationPolicy",
                "    max_history: many"));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(6, problems.get(0).line());
    assertTrue(
        problems.get(0).message().startsWith("MemoizationPolicy: setting 'max_history' must be"),
        problems.toString());
  }

  @Test
  void aRasaOptionParleyIgnoresIsOneWarningAtItsLine() {
    List<ValidationMessage> warnings =
        check(
            project(
                "language: en",
                "pipeline:",
                "  - name: DIETClassifier",
                "    epochs: 100",
                "    entity_recognition: false",
                "policies:",
                "  - name: RulePolicy"));
    assertEquals(
        List.of(
            new ValidationMessage(
                "config.yml",
                4,
                "DIETClassifier: option 'epochs' is ignored by Parley (DIETClassifier is served by"
                    + " CascadeIntentClassifier, which has no such setting)")),
        atLine(warnings, 4),
        warnings.toString());
    assertEquals(List.of(), atLine(warnings, 5), "entity_recognition is honoured");
  }

  @Test
  void optionsParleyHonoursGiveNoWarning() {
    List<ValidationMessage> warnings =
        check(
            project(
                "language: en",
                "pipeline:",
                "  - name: LogisticRegressionIntentClassifier",
                "    epochs: 50",
                "  - name: FallbackClassifier",
                "    threshold: 0.4",
                "    ambiguity_threshold: 0.1",
                "policies:",
                "  - name: TEDPolicy",
                "    max_history: 5",
                "    priority: 1"));
    for (int line : new int[] {4, 6, 7, 10, 11}) {
      assertEquals(List.of(), atLine(warnings, line), warnings.toString());
    }
  }

  @Test
  void optionsOfAComponentParleyDoesNotRunSayWhatParleyUsesInstead() {
    List<ValidationMessage> warnings =
        check(
            project(
                "language: en",
                "pipeline:",
                "  - name: CountVectorsFeaturizer",
                "    analyzer: char_wb",
                "  - name: LogisticRegressionIntentClassifier",
                "  - name: FallbackClassifier",
                "    threshold: 0.4",
                "    colour: blue",
                "policies:",
                "  - name: RulePolicy"));
    List<ValidationMessage> analyzer = atLine(warnings, 4);
    assertEquals(1, analyzer.size(), warnings.toString());
    assertTrue(
        analyzer
            .get(0)
            .message()
            .startsWith(
                "CountVectorsFeaturizer: option 'analyzer' is ignored by Parley (Parley does not"
                    + " run CountVectorsFeaturizer; n-grams are set on the intent classifier"),
        analyzer.toString());
    assertTrue(
        atLine(warnings, 8).get(0).message().startsWith("FallbackClassifier: option 'colour'"),
        warnings.toString());
  }
}
