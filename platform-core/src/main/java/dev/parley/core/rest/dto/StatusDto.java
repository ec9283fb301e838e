package dev.parley.core.rest.dto;

/** A health answer such as Rasa's REST channel status. */
public record StatusDto(String status) {}
