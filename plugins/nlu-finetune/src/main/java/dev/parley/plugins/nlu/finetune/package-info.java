/**
 * Intent classification and entity tagging by fine-tuned transformer encoders: trained with PyTorch
 * through DJL, served by ONNX Runtime.
 */
package dev.parley.plugins.nlu.finetune;
