package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /openapi} is well formed (OpenAPI 3, every operation answers
 * something, every reference resolves, every operation has a summary and a tag) and lists every
 * JAX-RS resource method of the WAR, found by reflection over its classes.
 */
class OpenApiIT {

  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private final ParleyServer server = ParleyServer.shared();

  @Test
  void theDocumentIsValidAndDescribesEveryOperation() throws IOException {
    HttpResponse<String> response = server.get("/openapi?format=JSON");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode document = ParleyServer.json(response);
    assertTrue(document.path("openapi").asText().startsWith("3."), "openapi version");
    assertFalse(document.path("info").path("title").asText().isBlank(), "info.title");
    assertFalse(document.path("info").path("version").asText().isBlank(), "info.version");
    List<String> problems = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fields()
          .forEachRemaining(
              operation -> {
                if (!HTTP_METHODS.contains(operation.getKey().toUpperCase())) {
                  return;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (op.path("responses").isEmpty()) {
                  problems.add(name + " has no responses");
                }
                if (op.path("summary").asText().isBlank()) {
                  problems.add(name + " has no summary");
                }
                if (op.path("tags").isEmpty()) {
                  problems.add(name + " has no tag");
                }
              });
    }
    checkReferences(document, document, problems);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyResourceMethodIsInTheDocument() throws Exception {
    JsonNode document = ParleyServer.json(server.get("/openapi?format=JSON"));
    Set<String> documented = new TreeSet<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> documented.add(method.toUpperCase() + " " + path.getKey())));
    Set<String> declared = resourceMethods();
    assertTrue(declared.size() > 20, "found the resource methods: " + declared);
    Set<String> missing = new TreeSet<>(declared);
    missing.removeAll(documented);
    assertTrue(missing.isEmpty(), "not in /openapi: " + missing + "\ndocumented: " + documented);
  }

  private static void checkReferences(JsonNode root, JsonNode node, List<String> problems) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String pointer = ref.asText();
        if (!pointer.startsWith("#/") || root.at(pointer.substring(1)).isMissingNode()) {
          problems.add("unresolved reference " + pointer);
        }
      }
      node.elements().forEachRemaining(child -> checkReferences(root, child, problems));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> checkReferences(root, child, problems));
    }
  }

  /** {@code METHOD /api/path} of every resource method in the WAR's classes. */
  private static Set<String> resourceMethods() throws Exception {
    Path war =
        Path.of(System.getProperty("parley.war.dir", "../platform-core/target/platform-core"));
    Path classes = war.resolve("WEB-INF/classes");
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    try (Stream<Path> jars = Files.list(war.resolve("WEB-INF/lib"))) {
      for (Path jar : jars.toList()) {
        urls.add(jar.toUri().toURL());
      }
    }
    Set<String> found = new TreeSet<>();
    try (URLClassLoader loader =
            new URLClassLoader(urls.toArray(URL[]::new), OpenApiIT.class.getClassLoader());
        Stream<Path> files = Files.walk(classes.resolve("dev/parley/core/rest"))) {
      Class<? extends Annotation> pathType = annotation(loader, "jakarta.ws.rs.Path");
      Class<? extends Annotation> appPathType = annotation(loader, "jakarta.ws.rs.ApplicationPath");
      String root = "";
      List<Class<?>> resources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, loader);
        if (type.isAnnotationPresent(appPathType)) {
          root = value(type.getAnnotation(appPathType));
        }
        if (type.isAnnotationPresent(pathType)) {
          resources.add(type);
        }
      }
      for (Class<?> type : resources) {
        String base = value(type.getAnnotation(pathType));
        for (Method method : type.getDeclaredMethods()) {
          for (Annotation annotation : method.getAnnotations()) {
            String httpMethod = annotation.annotationType().getSimpleName();
            if (HTTP_METHODS.contains(httpMethod)
                && annotation.annotationType().getPackageName().equals("jakarta.ws.rs")) {
              String sub =
                  method.isAnnotationPresent(pathType) ? value(method.getAnnotation(pathType)) : "";
              found.add(httpMethod + " " + normalise(root + "/" + base + "/" + sub));
            }
          }
        }
      }
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Annotation> annotation(ClassLoader loader, String name)
      throws ClassNotFoundException {
    return (Class<? extends Annotation>) Class.forName(name, false, loader);
  }

  private static String value(Annotation annotation) throws ReflectiveOperationException {
    return (String) annotation.annotationType().getMethod("value").invoke(annotation);
  }

  /** One slash between segments, none at the end, and path parameters without their regex. */
  static String normalise(String path) {
    String plain = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    return plain.length() > 1 && plain.endsWith("/")
        ? plain.substring(0, plain.length() - 1)
        : plain;
  }
}
