package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One test-chat turn: replies, the parse (absent when the turn failed), actions and slots. */
public record ChatTurnDto(
    List<ChannelMessageDto> messages,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode parse,
    List<String> actions,
    boolean failed,
    Map<String, Object> slots) {}
