/**
 * How the server runs a bot's NLU: the fault-tolerant guard around re-check stages (MicroProfile
 * Fault Tolerance plus a circuit breaker per bot and stage), the parse cache per model version, and
 * the NLU metrics. The NLU runtime itself is {@link dev.parley.core.bot.NluRuntime}.
 */
package dev.parley.core.nlu;
