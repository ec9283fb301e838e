package dev.parley.plugins.nlu.dense;

/**
 * How like the bot's intents a message is, from its sentence embedding: the higher, the more in
 * scope. The cascade flags a message whose score is below a cut-off calibrated on held-out in-scope
 * examples ({@link CascadeConfidence}).
 */
interface OutOfScopeScore {

  /** The score of a message's embedding (a cosine similarity, -1 to 1). */
  double similarity(float[] embedding);

  /** The score's data as bytes, for the model storage. */
  byte[] encode();
}
