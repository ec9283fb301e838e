package dev.parley.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes objects a kustomization lists under {@code resources} (plain YAML files, as {@code
 * kubectl kustomize} reads them, without its transformations), and the kustomization itself.
 */
final class KubernetesManifests {

  private final YamlNode kustomization;
  private final List<YamlNode> objects;

  private KubernetesManifests(YamlNode kustomization, List<YamlNode> objects) {
    this.kustomization = kustomization;
    this.objects = List.copyOf(objects);
  }

  /** Reads {@code kustomization.yaml} in this folder and every resource file it names. */
  static KubernetesManifests load(Path folder) {
    YamlNode kustomization = loadOne(folder.resolve("kustomization.yaml"));
    List<YamlNode> objects = new ArrayList<>();
    for (YamlNode resource : kustomization.get("resources").items()) {
      Path file = folder.resolve(resource.text());
      objects.addAll(loadAll(file));
    }
    return new KubernetesManifests(kustomization, objects);
  }

  /** The single document of a YAML file. */
  static YamlNode loadOne(Path file) {
    List<YamlNode> documents = loadAll(file);
    if (documents.size() != 1) {
      throw new IllegalStateException(file + " holds " + documents.size() + " documents, not 1");
    }
    return documents.get(0);
  }

  private static List<YamlNode> loadAll(Path file) {
    try {
      List<YamlNode> documents = new ArrayList<>();
      for (Object document : new Yaml().loadAll(Files.readString(file))) {
        if (document != null) {
          documents.add(YamlNode.of(document, file.getFileName().toString()));
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kustomization file. */
  YamlNode kustomization() {
    return kustomization;
  }

  /** Every object of this kind. */
  List<YamlNode> ofKind(String kind) {
    return objects.stream().filter(object -> kind.equals(object.get("kind").text())).toList();
  }

  /** The object of this kind and name. */
  Optional<YamlNode> named(String kind, String name) {
    return ofKind(kind).stream()
        .filter(object -> name.equals(object.at("metadata", "name").text()))
        .findFirst();
  }

  /** Every kind present. */
  List<String> kinds() {
    return objects.stream().map(object -> object.get("kind").text()).toList();
  }
}
