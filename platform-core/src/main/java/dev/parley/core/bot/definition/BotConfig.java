package dev.parley.core.bot.definition;

import java.util.List;

/**
 * A bot's {@code config.yml}.
 *
 * @param language language code
 * @param pipeline NLU components in order
 * @param policies dialogue policies
 * @param parley Parley's own settings
 */
public record BotConfig(
    String language,
    List<ComponentConfig> pipeline,
    List<ComponentConfig> policies,
    ParleySettings parley) {}
