package dev.parley.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules that each core package's {@code package-info.java} states in one sentence:
 * which other core packages it may use, and no cycles between the core's top-level packages.
 */
class PackageRulesTest {

  private static final String CORE = "dev.parley.core";

  /**
   * For each core package (and its sub-packages), the other core packages it may use (each with its
   * sub-packages). A package not listed here may use any core package but {@code rest}.
   */
  private static final Map<String, List<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("config", List.of()),
          Map.entry("json", List.of()),
          Map.entry("replychecks", List.of()),
          Map.entry("db", List.of("config")),
          Map.entry("crypto", List.of("config")),
          Map.entry("plugin", List.of("config")),
          Map.entry("cluster", List.of("config")),
          Map.entry("tenant", List.of("config", "crypto", "db", "json")),
          Map.entry("security", List.of("config", "db", "json", "tenant")),
          Map.entry("tracker", List.of("cluster", "config", "crypto", "db", "json")),
          Map.entry(
              "bot",
              List.of("cluster", "config", "json", "plugin", "replychecks", "tenant", "tracker")),
          Map.entry("nlu", List.of("bot", "cluster", "config", "json", "plugin", "tracker")),
          Map.entry("turn", List.of("bot", "config", "json", "plugin", "tracker")),
          Map.entry("llm", List.of("bot", "config", "json", "plugin", "replychecks", "turn")),
          Map.entry("actionserver", List.of("bot", "config", "json", "plugin", "tracker", "turn")),
          Map.entry(
              "ops",
              List.of(
                  "bot",
                  "cluster",
                  "config",
                  "json",
                  "nlu",
                  "plugin",
                  "security",
                  "tenant",
                  "tracker",
                  "turn")),
          Map.entry(
              "console",
              List.of(
                  "bot",
                  "cluster",
                  "config",
                  "json",
                  "plugin",
                  "security",
                  "tenant",
                  "tracker",
                  "turn")));

  private static JavaClasses classes;
  private static Set<String> corePackages;

  @BeforeAll
  static void importCore() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);
    corePackages =
        classes.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith(CORE + "."))
            .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void eachPackageUsesOnlyThePackagesItsRuleNames() {
    MAY_USE.forEach(
        (pkg, allowed) -> {
          String[] others =
              corePackages.stream()
                  .filter(name -> !within(name, pkg))
                  .filter(name -> allowed.stream().noneMatch(a -> within(name, a)))
                  .toArray(String[]::new);
          if (others.length > 0) {
            noClasses()
                .that()
                .resideInAPackage(CORE + "." + pkg + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("package-info.java of " + pkg + " says it may use only " + allowed)
                .check(classes);
          }
        });
  }

  @Test
  void onlyTheRestAdaptersUseThemselves() {
    noClasses()
        .that()
        .resideOutsideOfPackage(CORE + ".rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CORE + ".rest..")
        .because("REST resources are the outermost layer")
        .check(classes);
  }

  @Test
  void restReachesStorageOnlyThroughServices() {
    noClasses()
        .that()
        .resideInAPackage(CORE + ".rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CORE + ".tracker.jpa..")
        .because("resources use repositories and services, not the JPA adapter")
        .check(classes);
  }

  @Test
  void theCoresPackagesHaveNoCycles() {
    slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  private static boolean within(String name, String pkg) {
    String prefix = CORE + "." + pkg;
    return name.equals(prefix) || name.startsWith(prefix + ".");
  }
}
