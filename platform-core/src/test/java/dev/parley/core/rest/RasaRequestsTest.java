package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.json.Json;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.ParseResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading Rasa's request bodies and parameters, and Rasa's paths and token. */
class RasaRequestsTest {

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void oneEventOrAListIsRead() throws Exception {
    List<Event> one =
        RasaRequests.events(json("{\"event\":\"slot\",\"name\":\"size\",\"value\":\"large\"}"));
    assertEquals(1, one.size());
    SlotSet slot = (SlotSet) one.get(0);
    assertEquals("large", slot.value());
    assertTrue(slot.timestamp() > 0, "a missing timestamp is now");

    List<Event> two =
        RasaRequests.events(
            json(
                "[{\"event\":\"action\",\"name\":\"action_listen\",\"timestamp\":12.5},"
                    + "{\"event\":\"user\",\"text\":\"hi\",\"parse_data\":"
                    + "{\"intent\":{\"name\":\"greet\",\"confidence\":0.9},\"entities\":[]}}]"));
    assertEquals(12.5, ((ActionExecuted) two.get(0)).timestamp());
    assertEquals("greet", ((UserUttered) two.get(1)).intentName());
  }

  @Test
  void eventsParleyDoesNotHoldOrWithoutTheirNameAreRefused() throws Exception {
    RasaError unknown =
        assertThrows(
            RasaError.class,
            () -> RasaRequests.events(json("{\"event\":\"reminder\",\"intent\":\"x\"}")));
    assertEquals(400, unknown.status());
    assertEquals("BadRequest", unknown.reason());
    assertTrue(unknown.getMessage().contains("reminder"));
    assertThrows(RasaError.class, () -> RasaRequests.events(json("{\"text\":\"no type\"}")));
    assertThrows(RasaError.class, () -> RasaRequests.events(json("{\"event\":\"slot\"}")));
    assertThrows(RasaError.class, () -> RasaRequests.events(json("[]")));
  }

  @Test
  void bodiesMustBePresentAndJson() {
    RasaError empty =
        assertThrows(
            RasaError.class,
            () -> RasaRequests.body(new ByteArrayInputStream(new byte[0]), "give events"));
    assertEquals("give events", empty.getMessage());
    RasaError broken =
        assertThrows(
            RasaError.class,
            () ->
                RasaRequests.body(
                    new ByteArrayInputStream("{nope".getBytes(StandardCharsets.UTF_8)), "x"));
    assertEquals(400, broken.status());
  }

  @Test
  void includeEventsTakesRasasFourValues() {
    assertEquals("AFTER_RESTART", RasaRequests.verbosity(null));
    assertEquals("ALL", RasaRequests.verbosity("all"));
    assertEquals("NONE", RasaRequests.verbosity("NONE"));
    RasaError bad = assertThrows(RasaError.class, () -> RasaRequests.verbosity("SOME"));
    assertEquals(400, bad.status());
  }

  @Test
  void entitiesComeAsAMapOrAList() throws Exception {
    List<Entity> fromMap = RasaRequests.entities(json("{\"size\":\"large\"}"));
    assertEquals("size", fromMap.get(0).entity());
    assertEquals("large", fromMap.get(0).value());
    List<Entity> fromList =
        RasaRequests.entities(json("[{\"entity\":\"size\",\"value\":\"small\"}]"));
    assertEquals("small", fromList.get(0).value());
    assertTrue(RasaRequests.entities(null).isEmpty());
    assertThrows(RasaError.class, () -> RasaRequests.entities(json("[{\"value\":\"x\"}]")));
    assertThrows(RasaError.class, () -> RasaRequests.entities(json("\"size\"")));
  }

  @Test
  void parseDataNeedsAnIntentName() throws Exception {
    ParseResult parse =
        RasaRequests.parseData(
            json("{\"intent\":{\"name\":\"affirm\",\"confidence\":1.0},\"entities\":[]}"), "yes");
    assertEquals("affirm", parse.intent().name());
    assertEquals("yes", parse.text());
    assertThrows(RasaError.class, () -> RasaRequests.parseData(json("{\"intent\":{}}"), "x"));
  }

  @Test
  void theTokenParameterIsABearerKey() {
    assertEquals(Optional.of("pk_a b"), RasaToken.fromQuery("x=1&token=pk_a%20b"));
    assertEquals(Optional.empty(), RasaToken.fromQuery("tokens=1&token="));
    assertEquals(Optional.empty(), RasaToken.fromQuery(null));
  }

  @Test
  void theDefaultBotIsTenantSlashBot() {
    assertEquals(
        "/api/tenants/demo/bots/shop", RasaBotBinding.parse("demo/shop").orElseThrow().apiPrefix());
    assertTrue(RasaBotBinding.parse("demo").isEmpty());
    assertTrue(RasaBotBinding.parse("demo/shop/x").isEmpty());
    assertTrue(RasaBotBinding.parse("../x").isEmpty());
  }

  @Test
  void aHostOrPortMayBindItsOwnBot() {
    var bindings =
        RasaBotBinding.bindings("acme/main, shop.example.com=acme/shop,:5005=acme/rasa, broken");
    assertEquals(3, bindings.size());
    assertEquals(
        "shop", RasaBotBinding.bound(bindings, "Shop.Example.com", 443).orElseThrow().bot());
    assertEquals("rasa", RasaBotBinding.bound(bindings, "localhost", 5005).orElseThrow().bot());
    assertEquals("main", RasaBotBinding.bound(bindings, "localhost", 9080).orElseThrow().bot());
    assertTrue(
        RasaBotBinding.bound(RasaBotBinding.bindings(""), "localhost", 9080).isEmpty(),
        "no default bot");
  }

  @Test
  void theDomainIsJsonOrYamlByAccept() {
    assertEquals(RasaDomainResource.Format.JSON, RasaDomainResource.format(null));
    assertEquals(RasaDomainResource.Format.JSON, RasaDomainResource.format("*/*"));
    assertEquals(RasaDomainResource.Format.YAML, RasaDomainResource.format("application/x-yml"));
    assertEquals(
        RasaDomainResource.Format.YAML, RasaDomainResource.format("text/yaml; charset=utf-8"));
    assertEquals(
        406, assertThrows(RasaError.class, () -> RasaDomainResource.format("text/html")).status());
  }

  @Test
  void theOutputChannelNamesTheTriggeredMessagesChannel() {
    assertEquals("collector", RasaConversationResource.outputChannelName(null, Optional::empty));
    assertEquals(
        "socketio",
        RasaConversationResource.outputChannelName("latest", () -> Optional.of("socketio")));
    assertEquals(
        "collector", RasaConversationResource.outputChannelName("latest", Optional::empty));
    assertEquals("rest", RasaConversationResource.outputChannelName("rest", Optional::empty));
  }
}
