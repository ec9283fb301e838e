package dev.parley.core.bot;

import dev.parley.core.bot.definition.ValidationMessage;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of importing a bot project.
 *
 * @param created whether the bot is new
 * @param apiKey the new bot's API key (only on creation; never stored in clear)
 * @param version the active model version
 * @param unchanged whether the project equalled the active version, so nothing was trained
 * @param warnings substitutions and other notes
 * @param model whether the model was trained here or loaded from a trained model that was sent
 */
public record ImportResult(
    boolean created,
    Optional<String> apiKey,
    int version,
    boolean unchanged,
    List<ValidationMessage> warnings,
    ModelOrigin model) {}
