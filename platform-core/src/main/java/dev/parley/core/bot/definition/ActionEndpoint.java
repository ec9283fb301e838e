package dev.parley.core.bot.definition;

import java.net.URI;

/**
 * The bot's action server ({@code action_endpoint} in {@code endpoints.yml}), with its variables
 * already substituted.
 *
 * @param url where Rasa's action-server requests are posted
 * @param file the file that declared it
 * @param line its line in that file
 */
public record ActionEndpoint(URI url, String file, int line) {}
