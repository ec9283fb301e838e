/**
 * A linear intent classifier on sparse n-gram features, trained with Tribuo and served by ONNX
 * Runtime.
 */
package dev.parley.plugins.nlu.sparse;
