package dev.parley.core.rest.dto;

import java.util.Map;

/** A project sent as JSON: its files by path. */
public record ProjectFilesRequest(Map<String, String> files) {}
