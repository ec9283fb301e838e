/** Response generators on LangChain4j: OpenAI-compatible chat models and Ollama. */
package dev.parley.plugins.llm;
