package dev.parley.core.bot;

import java.util.List;
import java.util.Map;

/**
 * A model built by {@link BotAssembler#train} or {@link BotAssembler#load}, with its artifacts and
 * the plugin (and version) that trained or loads each artifact scope.
 *
 * @param model the bot model
 * @param artifacts the version's artifacts, by name
 * @param trainedBy the plugin behind each artifact scope, sorted by scope
 */
public record AssembledModel(
    BotModel model, Map<String, byte[]> artifacts, List<TrainedBy> trainedBy) {}
