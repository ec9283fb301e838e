package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trained intent classifiers on the real server: bots in English and Chinese whose {@code
 * DIETClassifier} is served by Parley's embedding classifier (ONNX Runtime and the tokenizer from
 * the server's shared library) answer {@code model/parse} for paraphrases they were not trained on,
 * also after a retrained version replaced the first; a bot whose intents come from a fine-tuned
 * encoder (PyTorch through DJL, also from the shared library) does the same on a server built with
 * {@code -Pfinetune}, and is refused, naming the profile, on the default server.
 */
class NluClassifiersIT {

  private final ParleyServer server = ParleyServer.shared();

  @Test
  void englishBotUnderstandsParaphrasesAndSurvivesRetraining() throws IOException {
    String key = BotProjects.create(server, "nlu-it", "english", BotProjects.zip("nlu-en"));
    Map<String, String> expected =
        Map.of(
            "could you bring me a pepperoni pizza", "order_pizza",
            "is it going to rain this afternoon", "ask_weather",
            "hello, good evening", "greet",
            "bye for now", "goodbye");
    assertParses("english", key, expected);

    HttpResponse<String> retrained =
        server.put(
            "/api/admin/tenants/nlu-it/bots/english",
            BotProjects.zip("nlu-en"),
            "application/zip",
            ParleyServer.admin());
    assertTrue(retrained.statusCode() / 100 == 2, retrained.body());
    assertParses("english", key, expected);
  }

  @Test
  void fineTunedBotUnderstandsParaphrases() throws IOException {
    // PyTorch (through DJL) fine-tunes in the server's shared library; ONNX Runtime serves the
    // result
    byte[] project =
        BotProjects.zip(
            "nlu-en",
            Map.of(
                "  - name: DIETClassifier",
                "  - name: FineTunedIntentClassifier\n"
                    + "    epochs: 8\n"
                    + "    batch_size: 8\n"
                    + "    frozen_layers: 4\n"
                    + "    head_learning_rate: 0.01"));
    if (!FineTuneBuild.included()) {
      FineTuneBuild.assertRefused(
          server, "nlu-it", "finetuned", project, "FineTunedIntentClassifier");
      return;
    }
    String key = BotProjects.create(server, "nlu-it", "finetuned", project);
    assertParses(
        "finetuned",
        key,
        Map.of(
            "could you bring me a pepperoni pizza", "order_pizza",
            "is it going to rain this afternoon", "ask_weather",
            "bye for now", "goodbye"));
  }

  @Test
  void chineseBotUnderstandsParaphrases() throws IOException {
    String key = BotProjects.create(server, "nlu-it", "chinese", BotProjects.zip("nlu-zh"));
    assertParses(
        "chinese",
        key,
        Map.of(
            "帮我放一首周杰伦的歌", "play_music",
            "上海明天天气怎么样", "ask_weather",
            "你好呀", "greet"));
  }

  private void assertParses(String bot, String key, Map<String, String> expected)
      throws IOException {
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      HttpResponse<String> response =
          server.postJson(
              "/api/tenants/nlu-it/bots/" + bot + "/model/parse",
              ParleyServer.JSON.writeValueAsString(Map.of("text", entry.getKey())),
              ParleyServer.bearer(key));
      assertEquals(200, response.statusCode(), response.body());
      String timing = response.headers().firstValue("Server-Timing").orElse("");
      assertTrue(timing.matches("app;dur=\\d+\\.\\d{3}"), "Server-Timing: " + timing);
      JsonNode body = ParleyServer.json(response);
      assertEquals(
          entry.getValue(),
          body.path("intent_ranking").get(0).path("name").asText(),
          body.toString());
      assertTrue(body.path("intent_ranking").size() >= 3, body.toString());
    }
  }
}
