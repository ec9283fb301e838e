/**
 * Intent classification by a fine-tuned transformer encoder: trained with PyTorch through DJL,
 * served by ONNX Runtime.
 */
package dev.parley.plugins.nlu.finetune;
