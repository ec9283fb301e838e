/** Test helpers for plugin authors: storage, context, conversations and training data in memory. */
package dev.parley.plugins.testkit;
