/**
 * Encryption of conversation data at rest: the key ring (from configuration or a generated key
 * file) and the AES-GCM cipher that seals stored event batches. Rule: it may use only {@code
 * config}.
 */
package dev.parley.core.crypto;
