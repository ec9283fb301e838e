package dev.parley.core.rest.dto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.json.Json;
import dev.parley.core.turn.BotMessage;
import dev.parley.plugin.bot.ResponseVariation.Button;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The records answer with the field names, nesting and absent fields the Map bodies had. */
class DtoJsonTest {

  private static String json(Object value) throws Exception {
    return Json.mapper().writeValueAsString(value);
  }

  @Test
  void botVersionsKeepPublicAndNullCreator() throws Exception {
    BotVersionsDto body =
        new BotVersionsDto(
            "t",
            "b",
            "B",
            2,
            true,
            List.of(new ValidationMessage("config.yml", 3, "w")),
            List.of(
                new VersionDto(
                    2, "2026-01-01T00:00:00Z", null, "h", "new greeting", List.of("domain.yml"))));
    assertEquals(
        "{\"tenant\":\"t\",\"bot\":\"b\",\"display_name\":\"B\",\"active_version\":2,"
            + "\"public\":true,\"warnings\":[{\"file\":\"config.yml\",\"line\":3,\"message\":\"w\"}],"
            + "\"versions\":[{\"version\":2,\"created_at\":\"2026-01-01T00:00:00Z\","
            + "\"created_by\":null,\"content_hash\":\"h\",\"note\":\"new greeting\",\"changed\":[\"domain.yml\"]}]}",
        json(body));
  }

  @Test
  void apiKeysKeepTheirCamelCaseName() throws Exception {
    assertEquals(
        "{\"tenant\":\"t\",\"bot\":\"b\",\"apiKey\":\"k\"}", json(new ApiKeyDto("t", "b", "k")));
    assertEquals(
        "{\"tenant\":\"t\",\"bot\":\"b\",\"created\":true,\"apiKey\":\"k\",\"version\":1,"
            + "\"warnings\":[]}",
        json(new ImportDto("t", "b", true, "k", 1, List.of())));
    assertEquals(
        "{\"tenant\":\"t\",\"bot\":\"b\",\"created\":false,\"version\":2,\"warnings\":[]}",
        json(new ImportDto("t", "b", false, null, 2, List.of())));
  }

  @Test
  void callerHasExpiryOnlyWhenSignedIn() throws Exception {
    assertEquals(
        "{\"user\":\"admin\",\"role\":\"platform_admin\",\"tenant\":null,\"csrf_token\":null}",
        json(new CallerDto("admin", "platform_admin", null, null, null)));
    assertEquals(
        "{\"user\":\"u\",\"role\":\"r\",\"tenant\":\"t\",\"csrf_token\":\"c\",\"expires_at\":\"x\"}",
        json(new CallerDto("u", "r", "t", "c", "x")));
    assertEquals("{\"signed_out\":true}", json(new SignedOutDto(true)));
  }

  @Test
  void channelMessagesLeaveEmptyPartsOut() throws Exception {
    BotMessage plain = new BotMessage("hi", List.of(), null, Map.of(), null);
    assertEquals(
        "{\"recipient_id\":\"ann\",\"text\":\"hi\"}", json(ChannelMessageDto.from("ann", plain)));
    BotMessage rich =
        new BotMessage(
            null, List.of(new Button("Yes", "/affirm")), "http://i", Map.of("k", 1), null);
    assertEquals(
        "{\"recipient_id\":\"ann\",\"buttons\":[{\"title\":\"Yes\",\"payload\":\"/affirm\"}],"
            + "\"image\":\"http://i\",\"custom\":{\"k\":1}}",
        json(ChannelMessageDto.from("ann", rich)));
  }

  @Test
  void chatTurnHasParseOnlyWhenTheTurnRan() throws Exception {
    Map<String, Object> slots = new LinkedHashMap<>();
    slots.put("name", null);
    assertEquals(
        "{\"messages\":[],\"actions\":[],\"failed\":true,\"slots\":{\"name\":null}}",
        json(new ChatTurnDto(List.of(), null, List.of(), true, slots)));
  }

  @Test
  void errorsHaveDetailsOnlyWhenThereAreSome() throws Exception {
    assertEquals(
        "{\"error\":\"not_found\",\"message\":\"bot not found\"}",
        json(new ErrorDto("not_found", "bot not found", List.of())));
    assertEquals(
        "{\"error\":\"e\",\"message\":\"m\",\"details\":[\"a\"]}",
        json(new ErrorDto("e", "m", List.of("a"))));
    assertEquals(
        "{\"status\":500,\"error\":\"training_failed\",\"message\":\"m\"}",
        json(new JobFailureDto(500, "training_failed", "m", null)));
    assertEquals(
        "{\"status\":404,\"error\":\"not_found\",\"message\":\"m\",\"details\":[]}",
        json(new JobFailureDto(404, "not_found", "m", List.of())));
  }

  @Test
  void snakeCaseNamesOfTheOtherBodies() throws Exception {
    assertEquals(
        "{\"active_key\":\"k1\",\"reencrypted\":3,\"unreadable\":0,\"batches\":1,"
            + "\"duration_ms\":12}",
        json(new ReencryptionDto("k1", 3, 0, 1, 12)));
    assertEquals(
        "{\"tenant\":\"t\",\"display_name\":\"T\",\"created_at\":\"c\",\"bots\":[\"b\"],"
            + "\"bot_display_names\":{\"b\":\"B\"}}",
        json(new TenantDto("t", "T", "c", List.of("b"), Map.of("b", "B"))));
    assertEquals("{\"interval_seconds\":10,\"samples\":[]}", json(new MetricsDto(10, List.of())));
    assertEquals(
        "{\"tenant\":\"t\",\"deleted\":true,\"deleted_bots\":[]}",
        json(new TenantDeletedDto("t", true, List.of())));
    assertEquals(
        "{\"sender_id\":\"s\",\"slots\":{},\"sensitive_slots\":[\"pin\"],\"masked\":true,"
            + "\"active_loop\":null,\"events\":[]}",
        json(new ConversationDto("s", Map.of(), Set.of("pin"), true, null, List.of())));
    assertEquals(
        "{\"sender\":\"s\",\"started_at\":\"x\",\"first_message\":\"hi\",\"turns\":2,"
            + "\"last_intent\":\"greet\",\"fell_back\":false}",
        json(new ConversationFoundDto("s", "x", "hi", 2, "greet", false)));
    assertEquals(
        "{\"tenant\":\"t\",\"bot\":\"b\",\"active_version\":3}",
        json(new ActiveVersionDto("t", "b", 3)));
  }

  @Test
  void displayNameTellsMissingFromNullAndNonText() throws Exception {
    assertNull(read("{}").displayName());
    assertTrue(read("{\"display_name\": null}").displayName().isNull());
    assertTrue(read("{\"display_name\": 5}").displayName().isNumber());
    assertEquals("x", read("{\"display_name\": \"x\"}").displayName().textValue());
  }

  private static DisplayNameRequest read(String body) throws Exception {
    return Json.mapper().readValue(body, DisplayNameRequest.class);
  }
}
