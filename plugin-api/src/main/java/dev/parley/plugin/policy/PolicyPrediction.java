package dev.parley.plugin.policy;

/**
 * A policy's choice of the next action.
 *
 * @param action the action name
 * @param confidence between 0 and 1
 */
public record PolicyPrediction(String action, double confidence) {}
