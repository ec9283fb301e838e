/**
 * What Parley's dialogue policies share: the conversation and the stories and rules seen as one
 * sequence of turn elements, and the serialisation of what a policy learned.
 */
package dev.parley.plugins.dialogue;
