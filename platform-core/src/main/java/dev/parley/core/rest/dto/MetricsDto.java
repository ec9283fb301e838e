package dev.parley.core.rest.dto;

import dev.parley.core.console.MetricsHistory;
import java.util.List;

/** A bot's recent metric samples, oldest first. */
public record MetricsDto(int intervalSeconds, List<MetricsHistory.Sample> samples) {}
