package dev.parley.core.bot;

import dev.parley.core.bot.ComponentCatalog.Absorbed;
import dev.parley.core.bot.ComponentCatalog.Plugin;
import dev.parley.core.bot.ComponentCatalog.Resolution;
import dev.parley.core.bot.ComponentCatalog.Unknown;
import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.plugin.PluginConfigValidator;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.Trainable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the plugin workers of one {@link Assembly}: finds the plugin a component names, validates
 * the component's settings, creates the worker through its typed {@link PluginFactory}, and trains
 * it or loads what its training stored. {@link #create} is the one point where the core creates a
 * plugin worker; every failure becomes an error of the assembly at the component's file and line.
 */
final class PluginWorkers {

  private final PluginRegistry registry;
  private final PluginGuard guard;
  private final Assembly assembly;

  PluginWorkers(PluginRegistry registry, PluginGuard guard, Assembly assembly) {
    this.registry = registry;
    this.guard = guard;
    this.assembly = assembly;
  }

  /**
   * How the guard wraps an in-process worker of one kind, e.g. {@code PluginGuard::classifier}.
   *
   * @param <T> the worker interface of the kind
   */
  @FunctionalInterface
  interface GuardWrapper<T> {
    /** The worker behind the guard, keyed by the plugin, tenant and bot. */
    T wrap(PluginGuard guard, String pluginId, String tenant, String bot, T worker);
  }

  /**
   * The worker behind the server's {@link PluginGuard} (breaker, failure meaning and metrics per
   * tenant, bot and plugin). Wrapped after training or loading, which look at the worker itself.
   */
  <T> T guarded(RegisteredPlugin plugin, T worker, GuardWrapper<T> wrapper) {
    return wrapper.wrap(guard, plugin.id(), assembly.tenant(), assembly.bot(), worker);
  }

  /** The build these workers belong to. */
  Assembly assembly() {
    return assembly;
  }

  /**
   * Creates a worker of a registered plugin: validates the component's settings against the
   * plugin's declared ones (each problem an error at the setting's line), creates the worker
   * through {@code factoryType}, then trains it or loads it when it is {@link Trainable} and has an
   * artifact scope. An assembly that {@linkplain Assembly#checkOnly only checks} stops after the
   * validation.
   *
   * @param plugin the plugin the component names
   * @param factoryType the factory interface of the plugin's kind
   * @param component the component, with the settings passed to the plugin
   * @param artifactScope where the worker's artifacts are stored; empty for workers never trained
   * @return the worker, or empty when the assembly got an error instead or only checks
   */
  <T> Optional<T> create(
      RegisteredPlugin plugin,
      Class<? extends PluginFactory<T>> factoryType,
      ComponentConfig component,
      Optional<String> artifactScope) {
    PluginFactory<T> factory = factory(plugin, factoryType);
    var validation =
        PluginConfigValidator.validate(
            component.name(), factory.configProperties(), component.params());
    if (!validation.settingProblems().isEmpty()) {
      validation
          .settingProblems()
          .forEach(problem -> assembly.error(component, problem.setting(), problem.message()));
      return Optional.empty();
    }
    if (assembly.checkOnly()) {
      return Optional.empty();
    }
    T worker;
    try {
      worker = factory.create(assembly.context(validation.config()));
    } catch (PluginException | IllegalArgumentException | IllegalStateException e) {
      assembly.error(component, component.name() + ": " + e.getMessage());
      return Optional.empty();
    }
    if (artifactScope.isPresent() && !trainOrLoad(worker, plugin, component, artifactScope.get())) {
      return Optional.empty();
    }
    return Optional.of(worker);
  }

  /** The plugin's factory as the factory interface of its kind. */
  static <F extends PluginFactory<?>> F factory(RegisteredPlugin plugin, Class<F> factoryType) {
    return factoryType.cast(plugin.factory());
  }

  /**
   * The plugin a catalog resolution names, with the component's settings for it ({@code priority}
   * removed; for a substitute, only the settings it declares). A substitute and an absorbed
   * component add a warning, and one for each option Parley ignores ({@link IgnoredOptions});
   * unknown components an error. Absorbed and unknown ones give empty.
   */
  Optional<ResolvedComponent> resolved(Resolution resolution, ComponentConfig component) {
    if (resolution instanceof Plugin plugin) {
      plugin
          .warning()
          .ifPresent(
              warning -> {
                assembly.warn(component, warning);
                IgnoredOptions.ofSubstitute(assembly, component, plugin.plugin());
              });
      return Optional.of(new ResolvedComponent(plugin.plugin(), settingsFor(plugin, component)));
    }
    if (resolution instanceof Absorbed absorbed) {
      assembly.warn(component, absorbed.note());
      IgnoredOptions.ofAbsorbed(assembly, component);
    } else if (resolution instanceof Unknown unknown) {
      assembly.error(component, unknown.error());
    }
    return Optional.empty();
  }

  private static ComponentConfig settingsFor(Plugin plugin, ComponentConfig component) {
    Map<String, Object> params = new LinkedHashMap<>(component.params());
    params.remove("priority");
    var declared = plugin.plugin().factory().configProperties();
    if (plugin.warning().isPresent()) {
      params.keySet().removeIf(key -> declared.stream().noneMatch(p -> p.name().equals(key)));
    }
    return component.withParams(params);
  }

  /**
   * The installed plugin of this kind named by the component; otherwise an error naming what is
   * installed.
   *
   * @param what the kind as the error names it, e.g. {@code re-check stage}
   * @param where where the component was named, appended to the error (may be empty)
   */
  Optional<RegisteredPlugin> installed(
      PluginKind kind, ComponentConfig component, String what, String where) {
    Optional<RegisteredPlugin> plugin = registry.find(kind, component.name());
    if (plugin.isEmpty()) {
      assembly.error(
          component,
          "unknown "
              + what
              + " '"
              + component.name()
              + "'"
              + where
              + " (installed: "
              + registry.ids(kind)
              + ")");
    }
    return plugin;
  }

  /**
   * Trains a trainable worker (new version) or loads what its training stored under {@code scope};
   * false, with an error, when the plugin fails.
   */
  private boolean trainOrLoad(
      Object worker, RegisteredPlugin plugin, ComponentConfig component, String scope) {
    if (!(worker instanceof Trainable trainable)) {
      return true;
    }
    assembly.trainedBy(scope, plugin);
    try {
      if (assembly.train()) {
        trainable.train(assembly.project().trainingData(), assembly.storage(scope));
      } else {
        trainable.load(assembly.storage(scope));
      }
      return true;
    } catch (PluginException | IllegalArgumentException | IllegalStateException e) {
      assembly.error(component, component.name() + ": " + e.getMessage());
      return false;
    }
  }

  /**
   * A pipeline or policy component resolved to a plugin.
   *
   * @param plugin the plugin that serves it
   * @param component the component with the settings the plugin gets
   */
  record ResolvedComponent(RegisteredPlugin plugin, ComponentConfig component) {}
}
