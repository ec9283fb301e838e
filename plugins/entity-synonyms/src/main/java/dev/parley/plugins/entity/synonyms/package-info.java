/** Maps entity values to their canonical synonyms. */
package dev.parley.plugins.entity.synonyms;
