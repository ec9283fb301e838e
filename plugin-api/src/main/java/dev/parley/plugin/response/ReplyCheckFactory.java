package dev.parley.plugin.response;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;

/**
 * Factory of bot-specific {@link ReplyCheck}s, listed under {@code parley.generator.checks} in
 * {@code config.yml}; register in {@code META-INF/services}.
 */
public interface ReplyCheckFactory extends PluginFactory<ReplyCheck> {
  @Override
  default PluginKind kind() {
    return PluginKind.REPLY_CHECK;
  }
}
