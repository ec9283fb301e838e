/** Response generators: they phrase the response the policy chose (e.g. with an LLM). */
package dev.parley.plugin.response;
