package dev.parley.plugin.response;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generator is asked to phrase. The core builds it from the conversation: sensitive slots
 * are left out (and their values masked in the memory) unless the bot explicitly allows them.
 *
 * @param responseName the domain response the policy chose
 * @param templateText the template text after slot substitution; the generator rephrases it
 * @param instructions the bot's persona and instructions for the model (may be empty)
 * @param slots the slots the model may see, by name (unset slots are left out)
 * @param memory the latest turns of the conversation, oldest first, slot changes included
 * @param requestedSlot the slot a form is asking for, when the response asks for it
 * @param language the bot's language code
 */
public record ResponseRequest(
    String responseName,
    String templateText,
    String instructions,
    Map<String, Object> slots,
    List<MemoryEntry> memory,
    Optional<String> requestedSlot,
    String language) {

  /** Normalises absent values. */
  public ResponseRequest {
    Objects.requireNonNull(templateText, "templateText");
    instructions = instructions == null ? "" : instructions;
    slots = slots == null ? Map.of() : Map.copyOf(slots);
    memory = memory == null ? List.of() : List.copyOf(memory);
    requestedSlot = requestedSlot == null ? Optional.empty() : requestedSlot;
    language = language == null ? "en" : language;
  }
}
