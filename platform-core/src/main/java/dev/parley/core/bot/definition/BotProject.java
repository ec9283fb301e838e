package dev.parley.core.bot.definition;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.TrainingData;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and validated bot project.
 *
 * @param config the configuration
 * @param domain the domain
 * @param trainingData NLU data, stories and rules
 * @param testStories stories from {@code tests/test_*.yml}
 * @param warnings things that work but deserve attention
 * @param files the project's files (path to text)
 * @param actionEndpoint the action server of {@code endpoints.yml}, if any
 * @param actionLocations where each action under {@code actions} in the domain was declared
 */
public record BotProject(
    BotConfig config,
    Domain domain,
    TrainingData trainingData,
    List<Story> testStories,
    List<ValidationMessage> warnings,
    Map<String, String> files,
    Optional<ActionEndpoint> actionEndpoint,
    Map<String, SourceLocation> actionLocations) {}
