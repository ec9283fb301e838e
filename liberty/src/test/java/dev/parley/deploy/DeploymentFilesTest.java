package dev.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment unit of liberty/deploy keeps its invariants: probes on Liberty's health endpoints
 * that restart after 3 failures, CPU and memory requests and limits, one Secret shared by every
 * replica and no generated keys, cluster discovery through the headless Service, a graceful
 * shutdown, and an image whose COPY sources are what {@code mvn package} produces, in layers from
 * base to application.
 *
 * <p>A unit test (surefire, {@code test} phase) runs before {@code package}, so the build's output
 * is taken from the pom's configuration ({@link LibertyBuildLayout}); when an earlier {@code
 * package} left {@code target/liberty}, the sources are also checked on disk.
 */
class DeploymentFilesTest {

  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  private static final Path DEPLOY = MODULE.resolve("deploy");
  private static final String SECRET = "parley-secrets";
  private static final List<String> SECRET_VARIABLES =
      List.of("PARLEY_DB_URL", "PARLEY_DB_USER", "PARLEY_DB_PASSWORD", "PARLEY_ADMIN_PASSWORD");
  private static final Set<String> WORKLOAD_KINDS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job", "CronJob");

  private final KubernetesManifests manifests = KubernetesManifests.load(DEPLOY.resolve("k8s"));
  private final YamlNode deployment = manifests.named("Deployment", "parley").orElseThrow();
  private final YamlNode pod = deployment.at("spec", "template");
  private final YamlNode container = pod.at("spec", "containers").items().get(0);
  private final Containerfile image = Containerfile.read(DEPLOY.resolve("Containerfile"));
  private final LibertyBuildLayout build = LibertyBuildLayout.of(MODULE);

  // --- Kubernetes ---------------------------------------------------------------------------

  @Test
  void theKustomizationHoldsTheWholeUnitButNoSecret() {
    assertEquals(
        Set.of(
            "ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler"),
        Set.copyOf(manifests.kinds()));
    assertEquals(2, manifests.ofKind("Service").size(), "one for traffic, one for discovery");
    assertFalse(
        manifests.kustomization().get("secretGenerator").exists(),
        "secret values never live in the repository");
    assertEquals(1, pod.at("spec", "containers").items().size());
  }

  @Test
  void threeReplicas() {
    assertEquals(3, deployment.at("spec", "replicas").integer());
  }

  @Test
  void probesUseLibertysHealthEndpointsAndFailAfterThree() throws IOException {
    Map<String, String> endpoints =
        Map.of(
            "startupProbe", "/health/started",
            "readinessProbe", "/health/ready",
            "livenessProbe", "/health/live");
    String httpPort = configMapValue("PARLEY_HTTP_PORT");
    for (var expected : endpoints.entrySet()) {
      YamlNode probe = container.get(expected.getKey());
      assertTrue(probe.exists(), expected.getKey());
      assertEquals(expected.getValue(), probe.at("httpGet", "path").text(), probe.path());
      assertEquals(3, probe.get("failureThreshold").integer(), probe.path());
      String port = probe.at("httpGet", "port").text();
      assertEquals(httpPort, containerPort(port), probe.path() + " probes the HTTP port");
    }
    assertTrue(serverXmlFeatures().stream().anyMatch(f -> f.startsWith("mpHealth-")));
    assertTrue(
        Files.readString(serverXml()).contains("defaultValue=\"" + httpPort + "\""),
        "server.xml's default HTTP port is the one the probes use");
  }

  @Test
  void requestsAndLimitsAsInTheSeed() throws IOException {
    YamlNode resources = container.get("resources");
    assertEquals(1000, cpuMillis(resources.at("requests", "cpu").text()));
    assertEquals(2000, cpuMillis(resources.at("limits", "cpu").text()));
    assertEquals(2L << 30, bytes(resources.at("requests", "memory").text()));
    assertEquals(4L << 30, bytes(resources.at("limits", "memory").text()));
    List<String> jvmOptions = Files.readAllLines(DEPLOY.resolve("jvm.options"));
    assertTrue(jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:MaxRAMPercentage=")));
    assertTrue(jvmOptions.stream().noneMatch(o -> o.startsWith("-Xmx")), "sized by the container");
    assertTrue(
        image.copies().stream().anyMatch(c -> c.destination().equals("/config/jvm.options")),
        "the image uses jvm.options");
  }

  @Test
  void everyReplicaReadsTheSameSecret() {
    List<YamlNode> workloads =
        manifests.kinds().stream()
            .filter(WORKLOAD_KINDS::contains)
            .flatMap(kind -> manifests.ofKind(kind).stream())
            .toList();
    assertEquals(List.of(deployment), workloads, "one pod template for every replica");
    assertEquals(Set.of(SECRET), secretNames());
    for (String variable : SECRET_VARIABLES) {
      assertFromSecret(env(variable), variable);
    }
  }

  @Test
  void noServerGeneratesItsKeysOrAdminPassword() {
    assertFromSecret(env("PARLEY_ADMIN_PASSWORD"), "PARLEY_ADMIN_PASSWORD");
    YamlNode keys = env("PARLEY_ENCRYPTION_KEYS");
    YamlNode keyFile = env("PARLEY_ENCRYPTION_KEY_FILE");
    assertTrue(keys.exists() != keyFile.exists(), "exactly one of the two key settings");
    if (keys.exists()) {
      assertFromSecret(keys, "PARLEY_ENCRYPTION_KEYS");
    } else {
      assertTrue(
          secretFiles().contains(keyFile.get("value").text()),
          "PARLEY_ENCRYPTION_KEY_FILE names a file of the Secret " + secretFiles());
    }
    YamlNode config = manifests.ofKind("ConfigMap").get(0).get("data");
    for (String key : config.keys()) {
      assertFalse(
          key.startsWith("PARLEY_ENCRYPTION_") || SECRET_VARIABLES.contains(key),
          key + " comes from the Secret, not the ConfigMap");
    }
  }

  @Test
  void theSecretTemplateHoldsOnlyPlaceholdersForEveryReferencedKey() throws IOException {
    YamlNode template = KubernetesManifests.loadOne(DEPLOY.resolve("k8s/secret.template.yaml"));
    assertEquals(SECRET, template.at("metadata", "name").text());
    YamlNode values = template.get("stringData");
    assertEquals(secretKeys(), new TreeSet<>(values.keys()));
    Pattern base64Key = Pattern.compile("[A-Za-z0-9+/]{42,}={0,2}");
    for (String key : values.keys()) {
      String value = values.get(key).text();
      assertTrue(value.contains("REPLACE_ME"), key + " is a placeholder");
      assertFalse(base64Key.matcher(value).find(), key + " holds no key material");
    }
    List<String> resources =
        manifests.kustomization().get("resources").items().stream().map(YamlNode::text).toList();
    assertFalse(resources.contains("secret.template.yaml"), "the template is never applied");
  }

  @Test
  void clusterDiscoveryUsesTheHeadlessService() {
    YamlNode headless =
        manifests.ofKind("Service").stream()
            .filter(s -> "None".equals(s.at("spec", "clusterIP").text()))
            .findFirst()
            .orElseThrow();
    assertEquals("true", headless.at("spec", "publishNotReadyAddresses").text());
    String name = headless.at("metadata", "name").text();
    String discovery = env("PARLEY_CLUSTER_DISCOVERY").get("value").text();
    assertTrue(discovery.startsWith("dns:" + name + "."), discovery);
    YamlNode port = headless.at("spec", "ports").items().get(0);
    String bind = env("PARLEY_CLUSTER_BIND").get("value").text();
    assertTrue(bind.endsWith(":" + port.get("port").text()), bind);
    assertEquals(port.get("port").text(), containerPort(port.get("targetPort").text()));
    assertSelectsThePods(headless.at("spec", "selector"));
  }

  @Test
  void servicesBudgetAndAutoscalerFollowTheDeployment() {
    for (YamlNode service : manifests.ofKind("Service")) {
      assertSelectsThePods(service.at("spec", "selector"));
    }
    YamlNode traffic = manifests.named("Service", "parley").orElseThrow();
    assertEquals("http", traffic.at("spec", "ports").items().get(0).get("targetPort").text());
    assertTrue(traffic.at("spec", "sessionAffinity").text() == null, "no stickiness needed");

    int replicas = deployment.at("spec", "replicas").integer();
    YamlNode budget = manifests.ofKind("PodDisruptionBudget").get(0);
    assertSelectsThePods(budget.at("spec", "selector", "matchLabels"));
    int minAvailable = budget.at("spec", "minAvailable").integer();
    assertTrue(minAvailable >= 1 && minAvailable < replicas, "a drain may take one server");

    YamlNode autoscaler = manifests.ofKind("HorizontalPodAutoscaler").get(0);
    assertEquals("Deployment", autoscaler.at("spec", "scaleTargetRef", "kind").text());
    assertEquals("parley", autoscaler.at("spec", "scaleTargetRef", "name").text());
    assertEquals(replicas, autoscaler.at("spec", "minReplicas").integer());
    assertTrue(autoscaler.at("spec", "maxReplicas").integer() >= replicas);
    YamlNode metric = autoscaler.at("spec", "metrics").items().get(0);
    assertEquals("cpu", metric.at("resource", "name").text());
  }

  @Test
  void shutdownDrainsBeforeLibertyStops() {
    List<YamlNode> command = container.at("lifecycle", "preStop", "exec", "command").items();
    assertEquals("sleep", command.get(0).text());
    int sleep = Integer.parseInt(command.get(1).text());
    assertTrue(sleep >= 5, "endpoints need a few seconds to drop the pod");
    int grace = pod.at("spec", "terminationGracePeriodSeconds").integer();
    assertTrue(grace >= sleep + 30, "the drain plus Liberty's 30 s quiesce of in-flight requests");
  }

  // --- Containerfile ------------------------------------------------------------------------

  @Test
  void theImageFollowsOpenLibertysConventions() {
    assertTrue(
        image
            .globalArg("LIBERTY_IMAGE")
            .orElseThrow()
            .startsWith("icr.io/appcafe/open-liberty:kernel-slim-java17-"));
    image.instructions().stream()
        .filter(i -> i.keyword().equals("FROM"))
        .forEach(
            from -> assertTrue(from.arguments().startsWith("${LIBERTY_IMAGE}"), from::toString));
    List<Containerfile.Instruction> last = image.stage(image.finalStage());
    List<String> runs =
        last.stream().filter(i -> i.keyword().equals("RUN")).map(i -> i.arguments()).toList();
    assertEquals("features.sh", runs.get(0), "features first");
    assertTrue(runs.get(runs.size() - 1).contains("configure.sh"), "configure.sh last");
    String lastUser =
        last.stream()
            .filter(i -> i.keyword().equals("USER"))
            .reduce((first, second) -> second)
            .orElseThrow()
            .arguments();
    assertEquals("1001", lastUser, "the server runs as the image's non-root user");
    for (Containerfile.Copy copy : image.copies()) {
      if (copy.stage() == image.finalStage()) {
        assertEquals("1001:0", copy.flags().get("chown"), copy.toString());
      }
    }
    assertTrue(
        last.stream().anyMatch(i -> i.keyword().equals("ARG") && i.arguments().equals("TLS=false")),
        "configure.sh must not generate a keystore password into the image");
  }

  @Test
  void theImageCopiesWhatTheMavenBuildProduces() throws IOException {
    Path buildOutput = MODULE.resolve("target/liberty/wlp");
    boolean built = Files.isDirectory(buildOutput);
    List<String> ignoreRules = Files.readAllLines(DEPLOY.resolve("Containerfile.dockerignore"));
    for (Containerfile.Copy copy : image.copies()) {
      if (!copy.fromContext()) {
        continue;
      }
      for (String source : copy.sources()) {
        assertFalse(source.contains("server.env"), "the build's server.env holds a generated key");
        if (source.startsWith("deploy/")) {
          assertTrue(Files.isRegularFile(MODULE.resolve(source)), source);
        } else {
          assertTrue(
              build.produced().contains(source),
              source + " is not among what the build produces: " + build.produced());
          if (built) {
            assertTrue(Files.exists(MODULE.resolve(source)), source + " after mvn package");
          }
        }
        assertTrue(ignoreRules.contains("!" + source), source + " is sent to the build");
      }
    }
  }

  @Test
  void layersGoFromBaseToMlLibrariesToModelsToTheApplication() throws IOException {
    List<Containerfile.Copy> copies =
        image.copies().stream().filter(c -> c.stage() == image.finalStage()).toList();
    int libraries = indexOf(copies, c -> c.sources().equals(List.of("/staging/ml/")));
    int models = indexOf(copies, c -> c.sources().equals(List.of("/staging/models/")));
    int war = indexOf(copies, c -> c.sources().get(0).endsWith(".war"));
    int jdbc = indexOf(copies, c -> c.sources().get(0).endsWith("/jdbc/"));
    assertTrue(jdbc < libraries && libraries < models && models < war, copies.toString());
    for (Containerfile.Copy copy : copies.subList(models + 1, copies.size())) {
      assertTrue(copy.destination().startsWith("/config/"), "only the application after models");
    }
    assertEquals(copies.size() - 1, war, "the WAR, which changes most, is copied last");

    String split =
        image.stage(0).stream()
            .filter(i -> i.keyword().equals("RUN"))
            .map(Containerfile.Instruction::arguments)
            .findFirst()
            .orElseThrow();
    Matcher glob =
        Pattern.compile("/staging/ml/([\\w-]+)\\*\\.jar /staging/models/").matcher(split);
    assertTrue(glob.find(), split);
    String modelPrefix = glob.group(1);
    List<String> modelArtifacts =
        build.copiedDependencyArtifacts().stream().filter(a -> a.startsWith(modelPrefix)).toList();
    assertFalse(modelArtifacts.isEmpty(), "the pom copies embedding models into `ml`");
    assertTrue(
        build.copiedDependencyArtifacts().contains("tokenizers"),
        "the pom copies the tokenizer into `ml`");
    assertTrue(
        Files.readString(MODULE.resolve("pom.xml"))
            .contains("<zip destfile=\"${shared.dir}/ml/onnxruntime-"),
        "the pom writes ONNX Runtime (without its debug symbols) into `ml`");
    Path ml = MODULE.resolve("target/liberty/wlp/usr/shared/resources/ml");
    if (Files.isDirectory(ml)) {
      try (Stream<Path> jars = Files.list(ml)) {
        Map<Boolean, List<String>> byLayer =
            jars.map(p -> p.getFileName().toString())
                .collect(Collectors.partitioningBy(name -> name.startsWith(modelPrefix)));
        assertFalse(byLayer.get(true).isEmpty(), "models in the build's ml folder");
        assertTrue(
            byLayer.get(false).stream().anyMatch(n -> n.startsWith("onnxruntime-")),
            "ONNX Runtime stays in the libraries layer");
      }
    }
  }

  @Test
  void theFeaturesLayerInstallsServerXmlsFeatures() throws IOException {
    assertEquals(serverXmlFeatures(), features(DEPLOY.resolve("features.xml")));
    assertTrue(
        image.copies().stream()
            .anyMatch(
                c ->
                    c.sources().equals(List.of("deploy/features.xml"))
                        && c.destination().equals("/config/server.xml")));
  }

  // --- helpers ------------------------------------------------------------------------------

  private YamlNode env(String name) {
    return container.get("env").itemWith("name", name).orElse(YamlNode.missing());
  }

  private static void assertFromSecret(YamlNode variable, String name) {
    assertTrue(variable.exists(), name + " is set");
    assertFalse(variable.get("value").exists(), name + " is not a literal");
    YamlNode ref = variable.at("valueFrom", "secretKeyRef");
    assertEquals(SECRET, ref.get("name").text(), name);
    assertFalse("true".equals(ref.get("optional").text()), name + " is required");
  }

  /** Every Secret the pod template refers to, by env, envFrom or volume. */
  private Set<String> secretNames() {
    Set<String> names = new LinkedHashSet<>();
    for (YamlNode c : containers()) {
      c.get("env").items().stream()
          .map(e -> e.at("valueFrom", "secretKeyRef", "name"))
          .filter(YamlNode::exists)
          .forEach(n -> names.add(n.text()));
      c.get("envFrom").items().stream()
          .map(e -> e.at("secretRef", "name"))
          .filter(YamlNode::exists)
          .forEach(n -> names.add(n.text()));
    }
    for (YamlNode volume : pod.at("spec", "volumes").items()) {
      if (volume.get("secret").exists()) {
        names.add(volume.at("secret", "secretName").text());
      }
      assertFalse(volume.get("projected").exists(), "no projected volumes to follow");
    }
    return names;
  }

  /** The Secret's keys that the pod template uses. */
  private Set<String> secretKeys() {
    Set<String> keys = new TreeSet<>();
    container.get("env").items().stream()
        .map(e -> e.at("valueFrom", "secretKeyRef", "key"))
        .filter(YamlNode::exists)
        .forEach(k -> keys.add(k.text()));
    for (YamlNode volume : pod.at("spec", "volumes").items()) {
      volume.at("secret", "items").items().forEach(item -> keys.add(item.get("key").text()));
    }
    return keys;
  }

  /** The files of the Secret's volumes, at their paths in the container. */
  private Set<String> secretFiles() {
    Set<String> files = new TreeSet<>();
    for (YamlNode volume : pod.at("spec", "volumes").items()) {
      if (!SECRET.equals(volume.at("secret", "secretName").text())) {
        continue;
      }
      String name = volume.get("name").text();
      for (YamlNode mount : container.get("volumeMounts").items()) {
        if (name.equals(mount.get("name").text())) {
          volume
              .at("secret", "items")
              .items()
              .forEach(
                  item -> files.add(mount.get("mountPath").text() + "/" + item.get("path").text()));
        }
      }
    }
    return files;
  }

  private List<YamlNode> containers() {
    List<YamlNode> all = new ArrayList<>(pod.at("spec", "containers").items());
    all.addAll(pod.at("spec", "initContainers").items());
    return all;
  }

  private String containerPort(String name) {
    return container
        .get("ports")
        .itemWith("name", name)
        .map(p -> p.get("containerPort").text())
        .orElse(name);
  }

  private String configMapValue(String key) {
    return manifests.ofKind("ConfigMap").get(0).at("data", key).text();
  }

  private void assertSelectsThePods(YamlNode selector) {
    YamlNode labels = pod.at("metadata", "labels");
    assertFalse(selector.keys().isEmpty(), selector.path());
    for (String key : selector.keys()) {
      assertEquals(selector.get(key).text(), labels.get(key).text(), selector.path());
    }
  }

  private static int indexOf(
      List<Containerfile.Copy> copies, java.util.function.Predicate<Containerfile.Copy> test) {
    for (int i = 0; i < copies.size(); i++) {
      if (test.test(copies.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such COPY in " + copies);
  }

  private static Path serverXml() {
    return MODULE.resolve("src/main/liberty/config/server.xml");
  }

  private static Set<String> serverXmlFeatures() throws IOException {
    return features(serverXml());
  }

  private static Set<String> features(Path file) throws IOException {
    Matcher feature = Pattern.compile("<feature>([^<]+)</feature>").matcher(Files.readString(file));
    Set<String> features = new TreeSet<>();
    while (feature.find()) {
      features.add(feature.group(1).strip());
    }
    return features;
  }

  private static long cpuMillis(String quantity) {
    return quantity.endsWith("m")
        ? Long.parseLong(quantity.substring(0, quantity.length() - 1))
        : Math.round(Double.parseDouble(quantity) * 1000);
  }

  private static long bytes(String quantity) {
    Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti)?").matcher(quantity);
    assertTrue(m.matches(), quantity);
    int shift =
        switch (m.group(2) == null ? "" : m.group(2)) {
          case "Ki" -> 10;
          case "Mi" -> 20;
          case "Gi" -> 30;
          case "Ti" -> 40;
          default -> 0;
        };
    return Long.parseLong(m.group(1)) << shift;
  }
}
