package dev.parley.core.rest.dto;

import java.util.Map;

/** The project files of a version by path. */
public record VersionFilesDto(int version, Map<String, String> files) {}
