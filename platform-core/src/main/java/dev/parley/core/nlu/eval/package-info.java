/**
 * NLU evaluation in plain classes (no server needed, so the benchmark uses them too): labelled test
 * data from JSONL or Rasa {@code nlu.yml}, scikit-learn style classification reports, the confusion
 * matrix, and exact-span entity scores, assembled into Rasa's {@code /model/test/intents} shape.
 * Rule: as {@code nlu}.
 */
package dev.parley.core.nlu.eval;
