package dev.parley.plugin.nlu;

/**
 * One intent with its confidence, as in Rasa's {@code intent} and {@code intent_ranking}.
 *
 * @param name intent name
 * @param confidence between 0 and 1
 */
public record IntentPrediction(String name, double confidence) {}
