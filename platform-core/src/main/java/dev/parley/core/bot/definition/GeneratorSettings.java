package dev.parley.core.bot.definition;

import java.util.List;

/**
 * The {@code parley.generator} section of {@code config.yml}: which generator plugin rephrases
 * which responses, over which server-configured connection, with what context and limits.
 *
 * @param plugin the generator plugin (its name and its own settings, e.g. {@code temperature})
 * @param connection name of the LLM connection configured on the server for the bot's tenant
 * @param responses the responses to rephrase; empty means all
 * @param instructions persona and instructions for the model
 * @param memoryTurns how many recent user turns the model sees
 * @param timeoutMillis how long the bot waits for the model
 * @param maxReplyChars the longest generated reply accepted
 * @param allowSensitiveSlots whether sensitive slots may reach the model
 * @param checks extra reply checks (plugins) run after the built-in ones
 */
public record GeneratorSettings(
    ComponentConfig plugin,
    String connection,
    List<String> responses,
    String instructions,
    int memoryTurns,
    long timeoutMillis,
    int maxReplyChars,
    boolean allowSensitiveSlots,
    List<ComponentConfig> checks) {

  /** Default wait for the model, in milliseconds. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 1500;

  /** Copies the collections. */
  public GeneratorSettings {
    responses = List.copyOf(responses);
    checks = List.copyOf(checks);
  }

  /** Whether the named response is rephrased. */
  public boolean covers(String responseName) {
    return responses.isEmpty() || responses.contains(responseName);
  }
}
