/**
 * What Parley's linear intent classifiers share (not a plugin): n-gram featurizing and TF-IDF
 * feature spaces, the Tribuo-trained linear head, its ONNX graph and scorer, the stored model
 * files, rankings and the shared configuration keys. Used by nlu-sparse, nlu-dense and
 * nlu-finetune.
 */
package dev.parley.plugins.nlu.support;
