package io.crmkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md §1 and §2, checked rather than hoped for. */
@DisplayName("crm-core's architecture")
class ArchitectureTest {

    /** The domain concepts and the SPI: the public heart that must stay pure. */
    private static final String[] DOMAIN_AND_SPI = {
        "io.crmkit.shared..", "io.crmkit.customer..", "io.crmkit.touchpoint..", "io.crmkit.lead..",
        "io.crmkit.pipeline..", "io.crmkit.task..", "io.crmkit.spi.."
    };

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crmkit");
    }

    @Test
    @DisplayName("never sees java.sql, Jackson, Flyway, JPA or a framework")
    void noInfrastructure() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "com.fasterxml.jackson..", "tools.jackson..", "org.flywaydb..",
                        "jakarta.persistence..", "javax.persistence..", "org.hibernate.orm..", "org.springframework..",
                        "jakarta.inject..", "jakarta.enterprise..")
                .because("crm-core is the pure domain (DESIGN.md §1)");
        rule.check(core);
    }

    @Test
    @DisplayName("keeps the domain packages and the SPI free of the in-memory adapter and of internals")
    void domainDoesNotDependOnImplementations() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN_AND_SPI)
                .should().dependOnClassesThat().resideInAnyPackage("io.crmkit.inmemory..", "io.crmkit.internal..")
                .because("the domain and the SPI are what adapters and hosts build on; implementations build on them");
        rule.check(core);
    }

    @Test
    @DisplayName("builds the in-memory adapter on the SPI alone, not on crmkit's internals")
    void inMemoryAdapterUsesOnlyTheSpi() {
        ArchRule rule = noClasses().that().resideInAPackage("io.crmkit.inmemory..")
                .should().dependOnClassesThat().resideInAnyPackage("io.crmkit.internal..", "io.crmkit")
                .because("the in-memory adapter is the reference for third-party adapters, which only have the SPI");
        rule.check(core);
    }

    @Test
    @DisplayName("lets no package of one concept reach into another concept's internal package")
    void noForeignInternals() {
        for (String concept : new String[] {"customer", "touchpoint", "lead", "pipeline", "task"}) {
            noClasses().that().resideOutsideOfPackage("io.crmkit." + concept + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.crmkit." + concept + ".internal..")
                    .allowEmptyShould(true)
                    .check(core);
        }
    }

    @Test
    @DisplayName("has no cycles between its packages")
    void noPackageCycles() {
        slices().matching("io.crmkit.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    @DisplayName("takes time from the injected Clock and ids from the injected generator")
    void noAmbientTimeOrRandomIds() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName("io.crmkit.Crm$Builder")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .because("the domain never calls Instant.now() or UUID.randomUUID(): the Crm builder injects both");
        rule.check(core);
    }
}
