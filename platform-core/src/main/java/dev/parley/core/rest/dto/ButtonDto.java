package dev.parley.core.rest.dto;

/** A button of a bot message in Rasa's channel shape. */
public record ButtonDto(String title, String payload) {}
