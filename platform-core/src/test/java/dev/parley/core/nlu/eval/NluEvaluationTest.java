package dev.parley.core.nlu.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NluEvaluationTest {

  private static final String JSONL =
      String.join(
          "\n",
          "{\"text\": \"fly to paris\", \"intent\": \"book\", \"entities\": [{\"start\": 7, \"end\": 12, \"entity\": \"city\", \"value\": \"paris\"}]}",
          "",
          "{\"text\": \"hello\", \"intent\": \"greet\", \"entities\": []}",
          "{\"text\": \"hi there\", \"intent\": \"greet\"}");

  @Test
  void jsonlAndRasaYamlGiveTheSameExamples() {
    List<NluExample> jsonl = LabelledData.read(JSONL);
    List<NluExample> yaml =
        LabelledData.read(
            String.join(
                "\n",
                "version: \"3.1\"",
                "nlu:",
                "- intent: book",
                "  examples: |",
                "    - fly to [paris](city)",
                "- intent: greet",
                "  examples: |",
                "    - hello",
                "    - hi there",
                ""));
    assertEquals(jsonl, yaml);
    assertEquals(
        new NluExample.EntityAnnotation(7, 12, "city", "paris", null, null),
        jsonl.get(0).entities().get(0));
  }

  @Test
  void badLinesAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LabelledData.read("{\"text\": \"a\", \"intent\": \"x\"}\n{\"text\": \"b\"}"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LabelledData.read(
                "{\"text\": \"ab\", \"intent\": \"x\", \"entities\": [{\"start\": 1, \"end\": 9, \"entity\": \"e\"}]}"));
    assertThrows(BotDefinitionException.class, () -> LabelledData.read("nlu: [- : x"));
  }

  @Test
  void reportHasRasasShape() {
    List<NluExample> examples = LabelledData.read(JSONL);
    NluEvaluation evaluation =
        NluEvaluation.run(
            examples,
            text -> {
              String intent = text.startsWith("h") ? "greet" : "greet";
              IntentPrediction p = new IntentPrediction(intent, 0.6);
              List<Entity> entities =
                  text.contains("paris")
                      ? List.of(Entity.of("city", "paris", 7, 12, 0.9, "CRFEntityExtractor"))
                      : List.of();
              return new ParseResult(
                  text, p, List.of(p, new IntentPrediction("book", 0.3)), entities);
            });
    Map<String, Object> report = evaluation.report(false);
    Map<?, ?> intent = (Map<?, ?>) report.get("intent_evaluation");
    assertEquals(2.0 / 3, (double) intent.get("accuracy"), 1e-9);
    List<?> errors = (List<?>) intent.get("errors");
    assertEquals(1, errors.size());
    Map<?, ?> error = (Map<?, ?>) errors.get(0);
    assertEquals("fly to paris", error.get("text"));
    assertEquals("book", error.get("intent"));
    assertEquals("greet", ((Map<?, ?>) error.get("intent_prediction")).get("name"));
    assertEquals(2, ((List<?>) error.get("intent_ranking")).size());
    assertTrue(((Map<?, ?>) intent.get("report")).containsKey("weighted avg"));
    assertEquals(
        List.of("book", "greet"), ((Map<?, ?>) intent.get("confusion_matrix")).get("labels"));
    Map<?, ?> entities = (Map<?, ?>) report.get("entity_evaluation");
    assertEquals(1.0, (double) ((Map<?, ?>) entities.get("overall")).get("f1_score"));
    assertTrue(entities.containsKey("CRFEntityExtractor"));
    assertTrue(evaluation.report(true).toString().contains("predictions"));
  }
}
