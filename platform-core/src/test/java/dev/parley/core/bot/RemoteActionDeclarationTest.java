package dev.parley.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.PluginRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Custom actions that no plugin serves need an action server. */
class RemoteActionDeclarationTest {

  private static final PluginRegistry REGISTRY =
      new PluginRegistry(
          new ServerSettings(
              "target/remote-test",
              Optional.of("target/no-plugins"),
              Optional.empty(),
              Optional.empty(),
              4096,
              1000,
              10,
              1,
              false));

  private static BotModel assemble(Map<String, String> files) {
    var project = new BotProjectParser(name -> Optional.empty()).parse(files);
    return new BotAssembler(REGISTRY).assemble("t", "b", 1, project, new HashMap<>(), true);
  }

  private static Map<String, String> withAction() throws Exception {
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    String domain = files.get("domain.yml");
    files.put(
        "domain.yml",
        domain + (domain.endsWith("\n") ? "" : "\n") + "actions:\n  - action_check_stock\n");
    return files;
  }

  @Test
  void anUnservedActionIsAnImportErrorWithItsLine() throws Exception {
    Map<String, String> files = withAction();
    int line = (int) files.get("domain.yml").lines().count();
    BotDefinitionException e = assertThrows(BotDefinitionException.class, () -> assemble(files));
    ValidationMessage error = e.errors().get(0);
    assertEquals("domain.yml", error.file());
    assertEquals(line, error.line());
    assertTrue(error.message().contains("action_check_stock"), error.message());
    assertTrue(error.message().contains("endpoints.yml"), error.message());
  }

  @Test
  void withAnActionServerTheActionRunsRemotely() throws Exception {
    Map<String, String> files = withAction();
    files.put("endpoints.yml", "action_endpoint:\n  url: http://127.0.0.1:5055/webhook\n");
    BotModel model = assemble(files);
    assertTrue(model.runsRemotely("action_check_stock"));
    assertFalse(model.runsRemotely("utter_greet"));
    assertFalse(model.runsRemotely("order_form"));
    assertFalse(model.runsRemotely("action_listen"));
  }
}
