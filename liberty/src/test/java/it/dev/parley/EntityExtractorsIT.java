package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bots whose pipelines name Rasa's {@code CRFEntityExtractor} and {@code DucklingEntityExtractor}
 * (no Duckling server), trained on the running server, answer {@code model/parse} with both
 * extractors' entities (in pipeline order), in English and in Chinese; so does an English bot whose
 * entities come from {@code FineTunedEntityExtractor} on a server built with {@code -Pfinetune}
 * (the default server refuses it, naming the profile).
 */
class EntityExtractorsIT {

  private final ParleyServer server = ParleyServer.shared();

  private JsonNode parse(String bot, String key, String text) throws IOException {
    HttpResponse<String> response =
        server.postJson(
            "/api/tenants/entities/bots/" + bot + "/model/parse",
            ParleyServer.JSON.createObjectNode().put("text", text).toString(),
            ParleyServer.bearer(key));
    assertEquals(200, response.statusCode(), response.body());
    return ParleyServer.json(response).path("entities");
  }

  private static List<String> describe(JsonNode entities) {
    List<String> described = new ArrayList<>();
    for (JsonNode e : entities) {
      String value =
          e.path("value").isObject()
              ? e.path("value").path("grain").asText()
              : e.path("value").asText();
      described.add(
          e.path("extractor").asText()
              + ":"
              + e.path("entity").asText()
              + (e.path("role").isTextual() ? "/" + e.path("role").asText() : "")
              + "="
              + value
              + "@"
              + e.path("start").asInt()
              + "-"
              + e.path("end").asInt());
    }
    return described;
  }

  @Test
  void englishCitiesWithRolesAndDucklingTimesAndNumbers() throws Exception {
    String key = BotProjects.create(server, "entities", "flights", BotProjects.zip("entities-en"));
    String text = "fly from Vienna to Paris tomorrow at 5pm for two";
    JsonNode entities = parse("flights", key, text);
    assertEquals(
        List.of(
            "CRFEntityExtractor:city/departure=Vienna@9-15",
            "CRFEntityExtractor:city/destination=Paris@19-24",
            "DucklingEntityExtractor:time=hour@25-40",
            "DucklingEntityExtractor:number=2@45-48"),
        describe(entities),
        entities.toString());
    JsonNode city = entities.get(0);
    double confidence = city.path("confidence_entity").asDouble();
    assertTrue(confidence > 0.5 && confidence <= 1.0, city.toString());
    JsonNode time = entities.get(2).path("value");
    assertTrue(time.path("value").asText().endsWith("T17:00:00.000+00:00"), time.toString());
    assertEquals("value", time.path("type").asText());
  }

  @Test
  void fineTunedEncoderTagsCitiesWithRoles() throws Exception {
    // PyTorch (through DJL) fine-tunes the encoder with a token head in the server's shared
    // library; ONNX Runtime serves the result
    byte[] project =
        BotProjects.zip(
            "entities-en",
            Map.of(
                "  - name: CRFEntityExtractor\n    max_iterations: 20",
                "  - name: FineTunedEntityExtractor\n"
                    + "    epochs: 8\n"
                    + "    batch_size: 8\n"
                    + "    frozen_layers: 3\n"
                    + "    head_learning_rate: 0.01"));
    if (!FineTuneBuild.included()) {
      FineTuneBuild.assertRefused(
          server, "entities", "flights-finetuned", project, "FineTunedEntityExtractor");
      return;
    }
    String key = BotProjects.create(server, "entities", "flights-finetuned", project);
    JsonNode entities =
        parse("flights-finetuned", key, "fly from Vienna to Paris tomorrow at 5pm for two");
    assertEquals(
        List.of(
            "FineTunedEntityExtractor:city/departure=Vienna@9-15",
            "FineTunedEntityExtractor:city/destination=Paris@19-24",
            "DucklingEntityExtractor:time=hour@25-40",
            "DucklingEntityExtractor:number=2@45-48"),
        describe(entities),
        entities.toString());
  }

  @Test
  void chineseSingersPerCharacterAndDucklingChineseNumbersAndTimes() throws Exception {
    String key = BotProjects.create(server, "entities", "music", BotProjects.zip("entities-zh"));
    JsonNode entities = parse("music", key, "明天下午五点我想听张学友的歌，放两首");
    assertEquals(
        List.of(
            "CRFEntityExtractor:singer=张学友@9-12",
            "DucklingEntityExtractor:time=hour@0-6",
            "DucklingEntityExtractor:number=2@16-17"),
        describe(entities),
        entities.toString());
    assertTrue(
        entities.get(1).path("value").path("value").asText().endsWith("T17:00:00.000+00:00"),
        entities.toString());
  }
}
