/** Rasa's MemoizationPolicy and AugmentedMemoizationPolicy: exact recall of story situations. */
package dev.parley.plugins.policy.memo;
