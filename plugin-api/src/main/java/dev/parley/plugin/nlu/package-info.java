/** Natural-language understanding extension points: intent classifiers and entity extractors. */
package dev.parley.plugin.nlu;
