package com.bazaar.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the module boundaries of DESIGN.md: a domain may use the platform and another domain's published bus
 * contract ({@code ..<domain>.api..}), nothing else of it; and only the Flyway runner may touch JDBC.
 */
class ArchitectureTest {
  private static final List<String> DOMAINS =
    List.of("auth", "product", "pricing", "order", "payment", "wallet", "sharelink", "notification");
  private static final ImportOption MAIN_CODE_ONLY = location ->
    !location.contains("/test-classes/") && !location.contains("-tests.jar");
  private static final JavaClasses MAIN = new ClassFileImporter()
    .withImportOption(MAIN_CODE_ONLY)
    .importPackages("com.bazaar");

  @Test
  void every_module_is_imported() {
    org.assertj.core.api.Assertions.assertThat(MAIN.stream().map(c -> c.getPackageName()))
      .anyMatch(p -> p.startsWith("com.bazaar.platform"))
      .anyMatch(p -> p.startsWith("com.bazaar.product"))
      .anyMatch(p -> p.startsWith("com.bazaar.gateway"))
      .noneMatch(p -> p.endsWith(".testing"));
  }

  @Test
  void a_domain_uses_another_domain_only_through_its_published_contract() {
    for (String domain : DOMAINS) {
      for (String other : DOMAINS) {
        if (domain.equals(other)) {
          continue;
        }
        ArchRule rule = noClasses().that().resideInAPackage("com.bazaar." + domain + "..")
          .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
            "internals of " + other,
            c -> c.getPackageName().startsWith("com.bazaar." + other)
              && !c.getPackageName().startsWith("com.bazaar." + other + ".api")))
          .allowEmptyShould(true);
        rule.check(MAIN);
      }
    }
  }

  @Test
  void domains_and_the_platform_do_not_depend_on_the_gateway_or_the_launcher() {
    noClasses().that().resideInAnyPackage("com.bazaar.platform..", "com.bazaar.product..", "com.bazaar.auth..",
        "com.bazaar.pricing..", "com.bazaar.order..", "com.bazaar.payment..", "com.bazaar.wallet..",
        "com.bazaar.sharelink..", "com.bazaar.notification..")
      .should().dependOnClassesThat().resideInAnyPackage("com.bazaar.gateway..", "com.bazaar.app..")
      .check(MAIN);
  }

  @Test
  void only_the_flyway_runner_uses_blocking_jdbc() {
    noClasses().that().doNotHaveFullyQualifiedName("com.bazaar.platform.db.FlywayMigrator")
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..",
        "org.flywaydb..")
      .check(MAIN);
  }
}
