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

  @Test
  void keepsNumbersWithinTheirDeclaredBounds() {
    List<ConfigProperty> bounded =
        List.of(
            ConfigProperty.integer("epochs", 20, "passes").between(1, 1000),
            ConfigProperty.number("rate", 0.1, "step").atLeast(0.0001));
    String problems =
        String.join(
            "\n",
            PluginConfigValidator.validate("P", bounded, Map.of("epochs", -5, "rate", 0))
                .problems());
    assertTrue(problems.contains("P: setting 'epochs' must be at least 1, got -5"), problems);
    assertTrue(problems.contains("setting 'rate' must be at least 1.0E-4, got 0.0"), problems);
    assertTrue(
        PluginConfigValidator.validate("P", bounded, Map.of("epochs", 2000))
            .problems()
            .get(0)
            .contains("must be at most 1000"));
    assertTrue(
        PluginConfigValidator.validate("P", bounded, Map.of("epochs", 1000, "rate", 0.5))
            .problems()
            .isEmpty());
  }
}
