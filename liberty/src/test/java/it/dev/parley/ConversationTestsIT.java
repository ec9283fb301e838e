package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Conversation tests over the admin API: every bot in the repository passes its own test stories on
 * the running server; a wrong story is reported at its first differing step; bad requests get clear
 * errors.
 */
class ConversationTestsIT {

  private static final String TENANT = "story-tests";

  private final ParleyServer server = ParleyServer.shared();
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> postStories(String tenant, String bot, String yaml)
      throws IOException, InterruptedException {
    String auth =
        Base64.getEncoder()
            .encodeToString(
                ("admin:" + ParleyServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    server.baseUrl()
                        + "/api/admin/tenants/"
                        + tenant
                        + "/bots/"
                        + bot
                        + "/test/stories"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "application/x-yaml")
            .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void assertAllPass(String tenant, String bot, Path stories) throws Exception {
    HttpResponse<String> response = postStories(tenant, bot, Files.readString(stories));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode report = ParleyServer.json(response);
    assertTrue(report.path("total").asInt() > 0, report.toString());
    assertEquals(report.path("total").asInt(), report.path("passed").asInt(), report.toString());
    assertEquals(0, report.path("failed").size(), report.toString());
  }

  private static Path testStoriesOf(String project) {
    return Path.of("src/test/resources/bots", project, "tests/test_stories.yml");
  }

  @Test
  void everyBotInTheRepositoryPassesItsTestStories() throws Exception {
    assertAllPass(
        "demo",
        "demo",
        Path.of("../platform-core/src/main/resources/demo-bot/tests/test_stories.yml"));
    for (String project :
        new String[] {
          "orders", "llm-pizza", "faq", "booking", "moodbot", "remote-orders", "formbot"
        }) {
      BotProjects.create(server, TENANT, project, BotProjects.zip(project));
      assertAllPass(TENANT, project, testStoriesOf(project));
    }
  }

  @Test
  void invalidValuesAreAskedAgainAndCorrectionsWinEverywhere() throws Exception {
    String key = BotProjects.create(server, "booking-live", "booking", BotProjects.zip("booking"));
    Conversation chat =
        new Conversation(server, "booking-live", "booking", "booking-1", ParleyServer.bearer(key));
    String askCuisine = "Which cuisine would you like: Italian, Chinese or Indian?";
    String askPeople = "For how many people (1 to 12)?";
    assertEquals(java.util.List.of(askCuisine), chat.say("I want to book a table"));
    assertEquals(java.util.List.of(askCuisine), chat.say("french"), "not a cuisine it serves");
    assertEquals("null", chat.slot("cuisine"));
    assertEquals(java.util.List.of(askPeople), chat.say("italian"));
    assertEquals(java.util.List.of(askPeople), chat.say("actually make it chinese"));
    assertEquals(java.util.List.of(askPeople), chat.say("40 people"), "more than 12");
    assertEquals(
        java.util.List.of("A table for 2 at our chinese restaurant. Shall I book it?"),
        chat.say("2"));
    assertEquals(
        java.util.List.of("A table for 6 at our chinese restaurant. Shall I book it?"),
        chat.say("make it 6 people"));
    assertEquals(java.util.List.of("Booked! See you soon."), chat.say("yes"));
  }

  @Test
  void retrievalIntentsAnswerFromTheChosenResponse() throws Exception {
    String key = BotProjects.create(server, "faq-live", "faq", BotProjects.zip("faq"));
    Conversation chat =
        new Conversation(server, "faq-live", "faq", "faq-1", ParleyServer.bearer(key));
    assertEquals(
        java.util.List.of("We are open every day from 11am to 10pm."),
        chat.say("what are your opening hours"));
    JsonNode latest = chat.tracker().path("latest_message");
    assertEquals("faq", latest.path("intent").path("name").asText(), latest.toString());
    assertEquals(
        "faq/ask_hours",
        latest
            .path("response_selector")
            .path("faq")
            .path("response")
            .path("intent_response_key")
            .asText(),
        latest.toString());
    assertEquals(
        java.util.List.of("You find us at 12 Market Street, next to the station."),
        chat.say("/faq/ask_location"));
  }

  @Test
  void aWrongStoryIsReportedAtItsFirstDifference() throws Exception {
    HttpResponse<String> response =
        postStories(
            "demo",
            "demo",
            String.join(
                "\n",
                "stories:",
                "  - story: polite bot",
                "    steps:",
                "      - user: |",
                "          hello",
                "        intent: greet",
                "      - action: utter_goodbye",
                ""));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode report = ParleyServer.json(response);
    assertEquals(1, report.path("total").asInt());
    assertEquals(0, report.path("passed").asInt());
    JsonNode failure = report.path("failed").get(0);
    assertEquals("polite bot", failure.path("story").asText());
    assertEquals(2, failure.path("step").asInt());
    assertEquals("action: utter_goodbye", failure.path("expected").asText());
    assertEquals("action: utter_greet", failure.path("predicted").asText());
  }

  @Test
  void badRequestsGetClearErrors() throws Exception {
    HttpResponse<String> unknownIntent =
        postStories(
            "demo", "demo", "stories:\n  - story: x\n    steps:\n      - intent: fly_away\n");
    assertEquals(422, unknownIntent.statusCode(), unknownIntent.body());
    assertTrue(unknownIntent.body().contains("fly_away"), unknownIntent.body());
    assertTrue(unknownIntent.body().contains("\"line\":4"), unknownIntent.body());
    ApiErrorsIT.assertError(postStories("demo", "demo", " "), 400, "empty_body");
    ApiErrorsIT.assertError(postStories("demo", "nobot", "stories: []"), 404, "not_found");
  }
}
