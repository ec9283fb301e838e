package dev.parley.core.bot.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Rasa imports with a warning imports here with a warning at its file and line; what Rasa
 * refuses stays an error.
 */
class RasaImportWarningsTest {

  private static Map<String, String> project() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "config.yml",
        "language: en\npipeline:\n  - name: WhitespaceTokenizer\npolicies:\n  - name: RulePolicy\n");
    files.put(
        "domain.yml",
        String.join(
            "\n",
            "intents:",
            "  - greet",
            "  - chitchat",
            "responses:",
            "  utter_greet:",
            "    - text: Hello!",
            "  utter_never_said:",
            "    - text: Nobody runs me",
            ""));
    files.put(
        "data/nlu.yml",
        String.join(
            "\n",
            "nlu:",
            "  - intent: greet",
            "    examples: |",
            "      - hi",
            "  - intent: goodbye",
            "    examples: |",
            "      - bye",
            "      - see you [tomorrow](when)",
            "  - intent: chitchat/ask_name",
            "    examples: |",
            "      - what is your name",
            ""));
    files.put(
        "data/responses.yml",
        String.join(
            "\n",
            "responses:",
            "  utter_chitchat/ask_name:",
            "    - text: I am Parley.",
            "  utter_greet:",
            "    - text: Hi from data",
            ""));
    files.put(
        "data/rules.yml",
        String.join(
            "\n",
            "rules:",
            "  - rule: greet",
            "    steps:",
            "      - intent: greet",
            "      - action: utter_greet",
            "  - rule: chitchat",
            "    steps:",
            "      - intent: chitchat",
            "      - action: utter_chitchat",
            "  - rule: goodbye",
            "    steps:",
            "      - intent: goodbye",
            "      - action: utter_greet",
            ""));
    return files;
  }

  @Test
  void undeclaredIntentsAndEntitiesOfTheNluDataAreWarningsAtTheirFirstExample() {
    BotProject project = new BotProjectParser().parse(project());
    List<ValidationMessage> warnings = project.warnings();
    assertTrue(
        warnings.stream()
            .anyMatch(
                w ->
                    w.file().equals("data/nlu.yml")
                        && w.line() == 7
                        && w.message().startsWith("intent 'goodbye' is not declared")
                        && w.message().contains("2 example(s)")),
        warnings.toString());
    assertTrue(
        warnings.stream()
            .anyMatch(
                w ->
                    w.file().equals("data/nlu.yml")
                        && w.line() == 8
                        && w.message().startsWith("entity 'when' is not declared")),
        warnings.toString());
    assertTrue(project.domain().intents().contains("goodbye"), "the NLU's intent joins the domain");
    assertEquals(
        3,
        project.trainingData().examples().stream()
            .filter(e -> !e.intent().equals("greet"))
            .count());
  }

  @Test
  void responsesMayComeFromDataFilesAndRetrievalResponsesWorkFromThere() {
    BotProject project = new BotProjectParser().parse(project());
    assertEquals(
        "I am Parley.", project.domain().responses().get("utter_chitchat/ask_name").get(0).text());
    assertEquals(
        "Hello!",
        project.domain().responses().get("utter_greet").get(0).text(),
        "the domain's declaration is kept");
    assertTrue(
        project.warnings().stream()
            .anyMatch(
                w ->
                    w.file().equals("data/responses.yml")
                        && w.line() == 5
                        && w.message().contains("already declared in domain.yml line 6")),
        project.warnings().toString());
  }

  @Test
  void retrievalResponsesWorkFromTheDomainToo() {
    Map<String, String> files = project();
    files.remove("data/responses.yml");
    files.put(
        "domain.yml",
        files.get("domain.yml") + "  utter_chitchat/ask_name:\n    - text: I am Parley.\n");
    BotProject project = new BotProjectParser().parse(files);
    assertTrue(project.domain().responses().containsKey("utter_chitchat/ask_name"));
  }

  @Test
  void unusedResponsesAreWarningsAtTheirDeclaration() {
    BotProject project = new BotProjectParser().parse(project());
    assertTrue(
        project.warnings().stream()
            .anyMatch(
                w ->
                    w.file().equals("domain.yml")
                        && w.line() == 8
                        && w.message().startsWith("response 'utter_never_said' is not used")),
        project.warnings().toString());
    assertTrue(
        project.warnings().stream().noneMatch(w -> w.message().contains("'utter_chitchat/")),
        "a retrieval response is used through its base action");
  }

  @Test
  void whatRasaRefusesStaysAnError() {
    Map<String, String> files = project();
    files.put(
        "data/stories.yml",
        "stories:\n  - story: s\n    steps:\n      - intent: order_pizza\n"
            + "      - action: utter_pizza\n");
    BotDefinitionException error =
        assertThrows(BotDefinitionException.class, () -> new BotProjectParser().parse(files));
    assertTrue(
        error
            .errors()
            .contains(
                new ValidationMessage(
                    "data/stories.yml", 4, "unknown intent 'order_pizza' in story 's'")),
        error.errors().toString());
  }

  @Test
  void endToEndStepsInTrainingStoriesAreWarnings() {
    Map<String, String> files = project();
    files.put(
        "data/stories.yml",
        "stories:\n  - story: e2e\n    steps:\n      - user: hello there\n"
            + "      - bot: Hello!\n");
    List<ValidationMessage> warnings = new BotProjectParser().parse(files).warnings();
    assertTrue(
        warnings.stream()
            .anyMatch(
                w ->
                    w.file().equals("data/stories.yml")
                        && w.line() == 4
                        && w.message().startsWith("end-to-end user step without an intent")),
        warnings.toString());
    assertTrue(
        warnings.stream()
            .anyMatch(w -> w.line() == 5 && w.message().startsWith("end-to-end bot step")),
        warnings.toString());
  }
}
