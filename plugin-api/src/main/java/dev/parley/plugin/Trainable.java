package dev.parley.plugin;

import dev.parley.plugin.bot.TrainingData;

/**
 * Implemented by workers that learn from a bot's training data. The core calls {@link #train} when
 * a new model version is built and {@link #load} when an existing version is activated (e.g. after
 * a restart); both happen before the worker serves any message.
 */
public interface Trainable {

  /** Learns from the bot's data and persists the result through {@code storage}. */
  void train(TrainingData data, ModelStorage storage);

  /**
   * Restores what {@link #train} persisted.
   *
   * @throws PluginException when the stored artifacts are missing or unreadable
   */
  void load(ModelStorage storage);
}
