package dev.parley.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.example.PlainTextChannelFactory;
import dev.parley.plugin.PluginKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery of a real third-party jar in a plugin folder: the example plugin ({@code
 * plugins/example-thirdparty}, the jar the end-to-end tests drop into their server's plugin
 * folder), which holds an entity extractor and a channel. It is on this module's test class path,
 * so the application class loader given to the discovery hides it, as a server's would not have it.
 */
class PluginFolderDiscoveryTest {

  private static final String EXAMPLE_PACKAGE = "dev.parley.example.";

  @TempDir Path pluginFolder;

  @Test
  void aChannelInAPluginFolderJarIsFoundThroughTheSameLoaderAsItsOtherPlugins() throws Exception {
    String jar = exampleJarIn(pluginFolder);

    DiscoveredPlugins found = PluginDiscovery.discover(pluginFolder, applicationWithoutExample());

    RegisteredChannel channel = channel(found, PlainTextChannelFactory.ID);
    assertEquals(jar, channel.source());
    assertNotSame(PlainTextChannelFactory.class, channel.factory().getClass());
    RegisteredPlugin extractor = plugin(found, "OrderNumberExtractor");
    assertEquals(PluginKind.ENTITY_EXTRACTOR, extractor.kind());
    assertEquals(jar, extractor.source());
    assertSame(
        extractor.factory().getClass().getClassLoader(),
        channel.factory().getClass().getClassLoader(),
        "one class loader for the folder's jars");
    assertTrue(channel(found, "socketio").source().startsWith("built-in:"));
    assertTrue(channel(found, "directline").source().startsWith("built-in:"));
  }

  @Test
  void theRegistryListsTheFolderChannelBesideTheBuiltInOnes() throws Exception {
    exampleJarIn(pluginFolder);

    DiscoveredPlugins found = PluginDiscovery.discover(pluginFolder, applicationWithoutExample());
    PluginRegistry registry = new PluginRegistry(found.plugins(), found.channels());

    assertEquals(
        List.of("directline", PlainTextChannelFactory.ID, "socketio"),
        registry.channels().stream().map(RegisteredChannel::id).sorted().toList());
  }

  @Test
  void aChannelOfTheFolderNamedLikeABuiltInOneStopsTheStartNamingBothJars() throws Exception {
    exampleJarIn(pluginFolder);
    DiscoveredPlugins found = PluginDiscovery.discover(pluginFolder, applicationWithoutExample());
    RegisteredChannel builtIn = channel(found, "socketio");
    RegisteredChannel clash = new RegisteredChannel(builtIn.factory(), "my-socketio.jar");

    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> new PluginRegistry(found.plugins(), List.of(builtIn, clash)));

    assertTrue(error.getMessage().contains(builtIn.source()), error.getMessage());
    assertTrue(error.getMessage().contains("my-socketio.jar"), error.getMessage());
  }

  @Test
  void withoutTheJarTheExampleChannelIsNotFound() throws Exception {
    DiscoveredPlugins found = PluginDiscovery.discover(pluginFolder, applicationWithoutExample());

    assertTrue(
        found.channels().stream().noneMatch(c -> c.id().equals(PlainTextChannelFactory.ID)),
        found.channels().toString());
    assertTrue(channel(found, "socketio").source().startsWith("built-in:"));
  }

  private static RegisteredChannel channel(DiscoveredPlugins found, String id) {
    return found.channels().stream()
        .filter(channel -> channel.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no channel " + id + " in " + found.channels()));
  }

  private static RegisteredPlugin plugin(DiscoveredPlugins found, String id) {
    return found.plugins().stream()
        .filter(plugin -> plugin.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no plugin " + id));
  }

  /** The test class loader without the example plugin's classes and resources. */
  private static ClassLoader applicationWithoutExample() throws URISyntaxException {
    String hidden = exampleLocation().toUri().getPath();
    return new ClassLoader(PluginFolderDiscoveryTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(EXAMPLE_PACKAGE)) {
          throw new ClassNotFoundException(name);
        }
        return super.loadClass(name, resolve);
      }

      @Override
      public URL getResource(String name) {
        URL url = super.getResource(name);
        return url == null || url.toString().contains(hidden) ? null : url;
      }

      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return Collections.enumeration(
            Collections.list(super.getResources(name)).stream()
                .filter(url -> !url.toString().contains(hidden))
                .toList());
      }
    };
  }

  /** Where the example plugin's classes are: its jar, or its classes folder in a reactor build. */
  private static Path exampleLocation() throws URISyntaxException {
    return Path.of(
        PlainTextChannelFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Puts the example plugin's jar into the folder (jarring its classes folder if need be). */
  private static String exampleJarIn(Path folder) throws IOException, URISyntaxException {
    Path location = exampleLocation();
    if (Files.isRegularFile(location)) {
      Path jar = folder.resolve(location.getFileName());
      Files.copy(location, jar, StandardCopyOption.REPLACE_EXISTING);
      return jar.getFileName().toString();
    }
    Path jar = folder.resolve("parley-example-plugin.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> files = Files.walk(location)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        jarOut.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, jarOut);
        jarOut.closeEntry();
      }
    }
    return jar.getFileName().toString();
  }
}
