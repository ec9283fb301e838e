package dev.parley.core.plugin;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.action.ActionFactory;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugin.nlu.IntentRecheckFactory;
import dev.parley.plugin.policy.DialoguePolicyFactory;
import dev.parley.plugin.response.ReplyCheckFactory;
import dev.parley.plugin.response.ResponseGeneratorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Finds plugin and channel factories with {@link ServiceLoader}: the server's built-in plugins and
 * every jar in the plugin folder, by the same mechanism and through one class loader. Third-party
 * jars get a class loader whose parent is the application's, so they compile and run against the
 * plugin API only.
 */
final class PluginDiscovery {

  /** The prefix of a built-in factory's source: {@code built-in:<jar>}. */
  static final String BUILT_IN = "built-in:";

  private static final Logger LOG = Logger.getLogger(PluginDiscovery.class.getName());
  private static final List<Class<? extends PluginFactory<?>>> FACTORY_TYPES =
      List.of(
          IntentClassifierFactory.class,
          EntityExtractorFactory.class,
          DialoguePolicyFactory.class,
          ActionFactory.class,
          ResponseGeneratorFactory.class,
          ReplyCheckFactory.class,
          IntentRecheckFactory.class);

  private PluginDiscovery() {}

  /** The built-in factories and those of the jars in {@code pluginDir}. */
  static DiscoveredPlugins discover(Path pluginDir) {
    return discover(pluginDir, PluginDiscovery.class.getClassLoader());
  }

  /**
   * The factories of {@code appLoader} (the built-in ones) and of the jars in {@code pluginDir},
   * whose class loader has {@code appLoader} as its parent.
   */
  static DiscoveredPlugins discover(Path pluginDir, ClassLoader appLoader) {
    List<URL> jars = pluginJars(pluginDir);
    ClassLoader loader =
        jars.isEmpty() ? appLoader : new URLClassLoader(jars.toArray(URL[]::new), appLoader);
    LOG.info(() -> "Plugin folder " + pluginDir + ": " + jars.size() + " jar(s)");
    List<RegisteredPlugin> plugins = new ArrayList<>();
    for (Class<? extends PluginFactory<?>> type : FACTORY_TYPES) {
      for (PluginFactory<?> factory : ServiceLoader.load(type, loader)) {
        plugins.add(
            new RegisteredPlugin(factory, factory.kind(), sourceOf(factory, loader, appLoader)));
      }
    }
    List<RegisteredChannel> channels = new ArrayList<>();
    for (ChannelFactory factory : ServiceLoader.load(ChannelFactory.class, loader)) {
      channels.add(new RegisteredChannel(factory, sourceOf(factory, loader, appLoader)));
    }
    return new DiscoveredPlugins(plugins, channels);
  }

  private static List<URL> pluginJars(Path pluginDir) {
    if (!Files.isDirectory(pluginDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pluginDir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".jar"))
          .sorted()
          .map(PluginDiscovery::toUrl)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugin folder " + pluginDir, e);
    }
  }

  private static URL toUrl(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("bad plugin jar path " + jar, e);
    }
  }

  private static String sourceOf(Object factory, ClassLoader pluginLoader, ClassLoader appLoader) {
    String location = jarName(factory.getClass());
    boolean thirdParty =
        factory.getClass().getClassLoader() == pluginLoader && pluginLoader != appLoader;
    return thirdParty ? location : BUILT_IN + location;
  }

  private static String jarName(Class<?> type) {
    try {
      var codeSource = type.getProtectionDomain().getCodeSource();
      if (codeSource == null || codeSource.getLocation() == null) {
        return "unknown";
      }
      String path = codeSource.getLocation().getPath();
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return path.substring(path.lastIndexOf('/') + 1);
    } catch (SecurityException e) {
      return "unknown";
    }
  }
}
