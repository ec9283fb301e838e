package dev.parley.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What {@code mvn package} puts under the liberty module's {@code target/liberty}, read from the
 * module's pom.xml rather than from disk: the unit tests run before {@code package} has produced
 * it. Paths are relative to the module folder; folders end with {@code /}.
 *
 * <ul>
 *   <li>the liberty-maven-plugin's {@code create} copies {@code src/main/liberty/config/*} into the
 *       server folder ({@code server.dir}) and its {@code copyDependencies} fill a shared folder;
 *   <li>the dependency plugin's {@code install-app} execution copies the WAR into {@code apps/} and
 *       more jars into shared folders.
 * </ul>
 */
final class LibertyBuildLayout {

  private static final String BUILD_DIRECTORY = "target";
  private static final String CONFIG_DIRECTORY = "src/main/liberty/config";

  private final Set<String> produced;
  private final List<String> copiedDependencyArtifacts;

  private LibertyBuildLayout(Set<String> produced, List<String> copiedDependencyArtifacts) {
    this.produced = Set.copyOf(produced);
    this.copiedDependencyArtifacts = List.copyOf(copiedDependencyArtifacts);
  }

  /** Reads the layout of the module in this folder. */
  static LibertyBuildLayout of(Path module) {
    Document pom = parse(module.resolve("pom.xml"));
    Element root = pom.getDocumentElement();
    if (child(root, "build").flatMap(build -> child(build, "directory")).isPresent()) {
      throw new IllegalStateException("the pom sets its own build directory; update this reader");
    }
    Element properties = child(root, "properties").orElseThrow();
    String serverDir = resolve(text(properties, "server.dir"));
    String sharedDir = resolve(text(properties, "shared.dir"));

    Set<String> produced = new LinkedHashSet<>();
    for (String config : files(module.resolve(CONFIG_DIRECTORY))) {
      produced.add(serverDir + "/" + config);
    }
    List<String> artifacts = new ArrayList<>();
    Element liberty = plugin(root, "liberty-maven-plugin");
    for (Element group : descendants(liberty, "dependencyGroup")) {
      produced.add(folder(expand(text(group, "location"), serverDir, sharedDir)));
      for (Element dependency : descendants(group, "dependency")) {
        artifacts.add(text(dependency, "artifactId"));
      }
    }
    for (Element execution : descendants(plugin(root, "maven-dependency-plugin"), "execution")) {
      if (!"install-app".equals(text(execution, "id"))) {
        continue;
      }
      for (Element item : descendants(execution, "artifactItem")) {
        String directory = expand(text(item, "outputDirectory"), serverDir, sharedDir);
        String name = text(item, "destFileName");
        produced.add(name.isEmpty() ? folder(directory) : directory + "/" + name);
      }
    }
    return new LibertyBuildLayout(produced, artifacts);
  }

  /** Every path the build produces that an image may copy (files, and folders ending in /). */
  Set<String> produced() {
    return produced;
  }

  /** The artifactIds that copyDependencies copies into the shared library folders. */
  List<String> copiedDependencyArtifacts() {
    return copiedDependencyArtifacts;
  }

  private static String resolve(String value) {
    return value.replace("${project.build.directory}", BUILD_DIRECTORY);
  }

  private static String expand(String value, String serverDir, String sharedDir) {
    return resolve(value).replace("${server.dir}", serverDir).replace("${shared.dir}", sharedDir);
  }

  private static String folder(String path) {
    return path.endsWith("/") ? path : path + "/";
  }

  private static List<String> files(Path folder) {
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Element plugin(Element root, String artifactId) {
    return descendants(root, "plugin").stream()
        .filter(plugin -> artifactId.equals(text(plugin, "artifactId")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no plugin " + artifactId + " in the pom"));
  }

  private static String text(Element element, String childName) {
    return child(element, childName).map(Node::getTextContent).map(String::strip).orElse("");
  }

  private static java.util.Optional<Element> child(Element element, String name) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return java.util.Optional.of(child);
      }
    }
    return java.util.Optional.empty();
  }

  private static List<Element> descendants(Element element, String name) {
    List<Element> found = new ArrayList<>();
    var nodes = element.getElementsByTagName(name);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  private static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
