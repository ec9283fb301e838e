/** An example third-party plugin, built as its own jar and dropped into the plugin folder. */
package dev.parley.example;
