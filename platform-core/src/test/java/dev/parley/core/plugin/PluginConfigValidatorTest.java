package dev.parley.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.ConfigProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginConfigValidatorTest {

  private static final List<ConfigProperty> DECLARED =
      List.of(
          ConfigProperty.integer("epochs", 20, "training epochs"),
          ConfigProperty.number("threshold", 0.5, "cut-off"),
          ConfigProperty.choice("mode", "fast", List.of("fast", "slow"), "how"),
          ConfigProperty.string("url", null, "endpoint").asRequired(),
          ConfigProperty.string("key", null, "secret").asSecret());

  @Test
  void fillsDefaultsAndCoercesTypes() {
    var result =
        PluginConfigValidator.validate(
            "P", DECLARED, Map.of("url", "http://x", "threshold", 1, "key", "s3cret"));
    assertTrue(result.problems().isEmpty(), result.problems().toString());
    assertEquals(20, result.config().getLong("epochs"));
    assertEquals(1.0, result.config().getDouble("threshold"));
    assertEquals("fast", result.config().getString("mode").orElseThrow());
    assertEquals("******", result.config().describe().get("key"));
  }

  @Test
  void reportsUnknownKeysWrongTypesBadChoicesAndMissingRequiredKeys() {
    var result =
        PluginConfigValidator.validate(
            "P", DECLARED, Map.of("epochs", "many", "mode", "medium", "colour", "red"));
    String problems = String.join("\n", result.problems());
    assertTrue(problems.contains("unknown setting 'colour'"), problems);
    assertTrue(problems.contains("'epochs' must be a whole number"), problems);
    assertTrue(problems.contains("'mode' must be one of [fast, slow]"), problems);
    assertTrue(problems.contains("'url' is required"), problems);
    assertEquals(4, result.problems().size());
  }
}
