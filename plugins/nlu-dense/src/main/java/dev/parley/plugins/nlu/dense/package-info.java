/**
 * Intent classification and re-checking on pretrained sentence embeddings served by ONNX Runtime.
 */
package dev.parley.plugins.nlu.dense;
