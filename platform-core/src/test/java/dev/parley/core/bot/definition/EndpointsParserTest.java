package dev.parley.core.bot.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointsParserTest {

  private static final Map<String, String> SERVER =
      Map.of("ACTION_SERVER_URL", "http://127.0.0.1:5055", "PARLEY_ADMIN_PASSWORD", "secret");

  private static BotProject parse(String endpoints) throws Exception {
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    files.put("endpoints.yml", endpoints);
    return new BotProjectParser(name -> Optional.ofNullable(SERVER.get(name))).parse(files);
  }

  private static ValidationMessage onlyError(String endpoints) {
    BotDefinitionException e = assertThrows(BotDefinitionException.class, () -> parse(endpoints));
    assertEquals(1, e.errors().size(), e.errors().toString());
    return e.errors().get(0);
  }

  @Test
  void actionEndpointWithAnActionVariable() throws Exception {
    BotProject project =
        parse("version: \"3.1\"\naction_endpoint:\n  url: \"${ACTION_SERVER_URL}/webhook\"\n");
    ActionEndpoint endpoint = project.actionEndpoint().orElseThrow();
    assertEquals("http://127.0.0.1:5055/webhook", endpoint.url().toString());
    assertEquals("endpoints.yml", endpoint.file());
    assertEquals(3, endpoint.line());
  }

  @Test
  void noEndpointsFileMeansNoActionServer() throws Exception {
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    assertFalse(
        new BotProjectParser(name -> Optional.empty()).parse(files).actionEndpoint().isPresent());
  }

  @Test
  void otherVariablesCannotBeRead() {
    ValidationMessage error =
        onlyError("action_endpoint:\n  url: \"http://x/${PARLEY_ADMIN_PASSWORD}\"\n");
    assertEquals("endpoints.yml", error.file());
    assertEquals(2, error.line());
    assertTrue(error.message().contains("ACTION_"), error.message());
    assertFalse(error.message().contains("secret"), error.message());
  }

  @Test
  void unsetVariableIsAnError() {
    ValidationMessage error = onlyError("action_endpoint:\n  url: ${ACTION_MISSING}\n");
    assertEquals(2, error.line());
    assertTrue(error.message().contains("not set"), error.message());
  }

  @Test
  void malformedUrlIsAnError() {
    ValidationMessage error =
        onlyError("# actions\naction_endpoint:\n  url: \"localhost 5055/webhook\"\n");
    assertEquals(3, error.line());
    assertTrue(error.message().contains("not a valid URL"), error.message());
    assertEquals(3, onlyError("action_endpoint:\n  # x\n  url: \"ftp://host/webhook\"\n").line());
  }
}
