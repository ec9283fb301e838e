package dev.parley.core.rest.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChannelPathRuleTest {

  @Test
  void ownRelativePathsPass() {
    assertEquals(
        Optional.empty(),
        ChannelPathRule.refusal(List.of("plaintext/stream", "my-chat/{id}/ws"), Set.of()));
  }

  @Test
  void theServersPathsOtherChannelsRootsAndOddPathsAreRefused() {
    for (String path :
        List.of(
            "console/x",
            "api/tenants/acme",
            "channels/a/b",
            "webhooks/mine/webhook",
            "/console/x",
            "../console/x",
            "a/../../console",
            "*/x",
            "socket.io/")) {
      Optional<String> refusal = ChannelPathRule.refusal(List.of(path), Set.of("socket.io"));
      assertTrue(refusal.isPresent() && refusal.get().contains(path), path + ": " + refusal);
    }
  }

  /** Every root path a servlet, filter or the JAX-RS application of the core maps is reserved. */
  @Test
  void theServersRootsCoverWhatTheCoreMaps() {
    List<String> patterns = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley.core")) {
      type.tryGetAnnotationOfType(WebServlet.class)
          .ifPresent(a -> patterns.addAll(both(a.urlPatterns(), a.value())));
      type.tryGetAnnotationOfType(WebFilter.class)
          .ifPresent(a -> patterns.addAll(both(a.urlPatterns(), a.value())));
      type.tryGetAnnotationOfType(ApplicationPath.class).ifPresent(a -> patterns.add(a.value()));
    }
    assertTrue(patterns.contains("/api"), patterns.toString());
    for (String pattern : patterns) {
      String root = ChannelPaths.firstSegment(pattern.substring(1)).toLowerCase(Locale.ROOT);
      assertTrue(
          root.equals("*") || ChannelPathRule.SERVER_ROOTS.contains(root),
          pattern + " is not among ChannelPathRule.SERVER_ROOTS");
    }
  }

  private static List<String> both(String[] urlPatterns, String[] value) {
    return Stream.of(urlPatterns, value).flatMap(Stream::of).toList();
  }
}
