package dev.parley.core.rest.dto;

import dev.parley.plugin.nlu.ParseResult;

/**
 * An NLU server's answer to a parse call.
 *
 * @param version the model version that parsed the text (always the requested one)
 * @param parse the parse, in the shape events store it
 */
public record NluParseDto(int version, ParseResult parse) {}
