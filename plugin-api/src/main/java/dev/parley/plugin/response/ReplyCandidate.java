package dev.parley.plugin.response;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated reply waiting for the checks, with what the dialogue policy required of it.
 *
 * @param generatedText the text the generator produced
 * @param templateText the template text the policy chose (after slot substitution)
 * @param responseName the domain response the policy chose
 * @param requestedSlot the slot the reply must still ask for, if any
 * @param closesConversation whether the template itself ends the conversation (says goodbye)
 * @param protectedValues texts that must never appear in a reply (sensitive slot values)
 * @param instructions the bot's system instructions, which must not leak into a reply
 * @param language the bot's language code
 */
public record ReplyCandidate(
    String generatedText,
    String templateText,
    String responseName,
    Optional<String> requestedSlot,
    boolean closesConversation,
    List<String> protectedValues,
    String instructions,
    String language) {

  /** Normalises absent values. */
  public ReplyCandidate {
    Objects.requireNonNull(generatedText, "generatedText");
    Objects.requireNonNull(templateText, "templateText");
    requestedSlot = requestedSlot == null ? Optional.empty() : requestedSlot;
    protectedValues = protectedValues == null ? List.of() : List.copyOf(protectedValues);
    instructions = instructions == null ? "" : instructions;
    language = language == null ? "en" : language;
  }
}
