package dev.parley.plugin.action;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;

/**
 * Factory of an {@link Action}; its {@link #id()} is the action name used in the domain and stories
 * (e.g. {@code action_check_stock}). Register in {@code META-INF/services}.
 */
public interface ActionFactory extends PluginFactory<Action> {
  @Override
  default PluginKind kind() {
    return PluginKind.ACTION;
  }
}
