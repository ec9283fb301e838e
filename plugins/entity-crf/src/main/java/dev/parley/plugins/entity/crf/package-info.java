/** Entities learned from the annotated examples with a linear-chain CRF (Tribuo). */
package dev.parley.plugins.entity.crf;
