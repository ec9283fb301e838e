package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.DemoBotFiles;
import dev.parley.core.admin.BotAdminService;
import dev.parley.core.bot.BotService;
import dev.parley.core.bot.LlmConnectionLookup;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.json.Json;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.rest.dto.ProjectFilesRequest;
import dev.parley.core.tenant.BotEntity;
import dev.parley.core.tenant.BotRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The validate-only endpoint ({@code POST .../validate}, called by the console's editor while you
 * type) answers with the warnings as well as the errors, each at its file and line with its
 * severity, and keeps its earlier fields ({@code valid}, {@code problems}, {@code warnings}).
 * Nothing is trained or stored: the bot's repository is only asked whether the bot exists.
 */
class ValidateEndpointTest {

  private static final PluginRegistry REGISTRY =
      new PluginRegistry(
          new ServerSettings(
              "target/validate-endpoint-test",
              Optional.of("target/no-plugins"),
              Optional.empty(),
              Optional.empty(),
              4096,
              1000,
              10,
              1,
              false));

  /** A bot that exists; any write would fail on the missing entity manager. */
  private static final class OneBot extends BotRepository {
    @Override
    public Optional<BotEntity> find(String tenant, String name) {
      return Optional.of(new BotEntity() {});
    }
  }

  private static final BotVersionsResource RESOURCE =
      new BotVersionsResource(
          new BotAdminService(
              new OneBot(),
              null,
              null,
              new BotService(
                  null,
                  null,
                  null,
                  null,
                  null,
                  REGISTRY,
                  LlmConnectionLookup.NONE,
                  PluginGuard.standalone()),
              null,
              null));

  private static JsonNode validate(String... configLines) {
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    files.put("config.yml", String.join("\n", configLines) + "\n");
    return Json.mapper().valueToTree(RESOURCE.validate("t", "b", new ProjectFilesRequest(files)));
  }

  @Test
  void anIgnoredConfigOptionIsOneWarningAtItsLineAndNoError() {
    JsonNode body =
        validate(
            "language: en",
            "pipeline:",
            "  - name: LogisticRegressionIntentClassifier",
            "  - name: FallbackClassifier",
            "    threshold: 0.4",
            "    core_fallback_action_name: action_default_fallback",
            "policies:",
            "  - name: RulePolicy");
    assertEquals(true, body.get("valid").asBoolean(), body.toString());
    assertEquals(0, body.get("problems").size(), body.toString());
    assertEquals(0, body.get("error_count").asInt(), body.toString());
    assertEquals(1, body.get("warnings").size(), body.toString());
    assertEquals(1, body.get("warning_count").asInt(), body.toString());
    JsonNode warning = body.get("warnings").get(0);
    assertEquals("config.yml", warning.get("file").asText());
    assertEquals(6, warning.get("line").asInt());
    assertEquals("warning", warning.get("severity").asText());
    assertEquals(
        "FallbackClassifier: option 'core_fallback_action_name' is ignored by Parley (Parley reads"
            + " only its threshold and ambiguity_threshold, or parley.fallback_threshold)",
        warning.get("message").asText());
  }

  @Test
  void warningsComeWithTheErrors() {
    JsonNode body =
        validate(
            "language: en",
            "pipeline:",
            "  - name: LogisticRegressionIntentClassifier",
            "    epochs: -5",
            "  - name: FallbackClassifier",
            "    threshold: 0.4",
            "    core_fallback_action_name: action_default_fallback",
            "policies:",
            "  - name: RulePolicy");
    assertEquals(false, body.get("valid").asBoolean(), body.toString());
    assertEquals(1, body.get("problems").size(), body.toString());
    JsonNode error = body.get("problems").get(0);
    assertEquals("config.yml", error.get("file").asText());
    assertEquals(4, error.get("line").asInt());
    assertEquals("error", error.get("severity").asText());
    assertEquals(1, body.get("warnings").size(), body.toString());
    assertEquals(7, body.get("warnings").get(0).get("line").asInt());
    assertEquals("warning", body.get("warnings").get(0).get("severity").asText());
  }
}
