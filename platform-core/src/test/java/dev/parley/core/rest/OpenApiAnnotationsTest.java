package dev.parley.core.rest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every REST resource is described for the OpenAPI document ({@code /openapi}): each resource class
 * has a {@link Tag} and each resource method an {@link Operation} summary. (OpenApiIT checks the
 * served document itself.)
 */
class OpenApiAnnotationsTest {

  private static final JavaClasses REST =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.parley.core.rest");

  @Test
  void everyResourceClassHasATag() {
    classes().that().areAnnotatedWith(Path.class).should().beAnnotatedWith(Tag.class).check(REST);
  }

  @Test
  void everyResourceMethodHasAnOperationSummary() {
    methods()
        .that()
        .areAnnotatedWith(GET.class)
        .or()
        .areAnnotatedWith(POST.class)
        .or()
        .areAnnotatedWith(PUT.class)
        .or()
        .areAnnotatedWith(DELETE.class)
        .or()
        .areAnnotatedWith(PATCH.class)
        .should()
        .beAnnotatedWith(Operation.class)
        .check(REST);
  }
}
