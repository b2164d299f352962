package dev.gatehouse.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import java.net.MalformedURLException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The boundaries of architecture.md, held by the build. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
    private JavaClasses classes;

    @BeforeAll
    void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.gatehouse");
        if (classes.size() < 50) {
            throw new IllegalStateException("only " + classes.size() + " classes imported: the rules would prove nothing");
        }
    }

    @Test
    void dependenciesPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("dev.gatehouse.domain..")
                .layer("Application").definedBy("dev.gatehouse.application..")
                .layer("Adapters").definedBy("dev.gatehouse.adapter..")
                .layer("Bootstrap").definedBy("dev.gatehouse.bootstrap..")
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap")
                .check(classes);
    }

    @Test
    void theCodeMatchesTheModuleDiagramInDocs() throws MalformedURLException {
        Path diagram = Path.of("..", "docs", "architecture", "modules.puml");
        classes().should(adhereToPlantUmlDiagram(diagram.toUri().toURL(), consideringOnlyDependenciesInDiagram()))
                .check(classes);
    }

    @Test
    void theDomainIsPlainJava() {
        classes().that().resideInAPackage("dev.gatehouse.domain..")
                // ICU4J is a pure library (no framework, no I/O) that owns the Unicode identity rules.
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.gatehouse.domain..", "java..", "com.ibm.icu..")
                .check(classes);
    }

    @Test
    void theApplicationKnowsNoFrameworkAndNoJdbc() {
        classes().that().resideInAPackage("dev.gatehouse.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.gatehouse.domain..", "dev.gatehouse.application..",
                        "java.lang..", "java.util..", "java.time..", "java.security..", "java.nio.charset..", "javax.crypto..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.gatehouse.domain..", "dev.gatehouse.application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        slices().matching("dev.gatehouse.adapter.(*).(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void adaptersSeePortsNeverServices() {
        // A driving adapter calls a use case through its port; a driven one implements a port. Neither may
        // reach past the ports into the services, or the policy there could be bypassed or re-implemented.
        noClasses().that().resideInAPackage("dev.gatehouse.adapter..")
                .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.application.service..")
                .check(classes);
    }

    @Test
    void inboundAndOutboundPortsStayApart() {
        noClasses().that().resideInAPackage("dev.gatehouse.application.port.in..")
                .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.application.port.out..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.gatehouse.application.port.out..")
                .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.application.port.in..")
                .check(classes);
    }

    @Test
    void applicationPackagesHaveNoCycles() {
        slices().matching("dev.gatehouse.application.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainSlicesHaveNoCycles() {
        slices().matching("dev.gatehouse.domain.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void inboundPortsAreUseCaseInterfacesImplementedByServices() {
        classes().that().resideInAPackage("dev.gatehouse.application.port.in").and().areInterfaces().and().areTopLevelClasses()
                .and().haveSimpleNameEndingWith("UseCase")
                .should().bePublic().check(classes);
        classes().that().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a use case",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getSimpleName().endsWith("UseCase")
                                && c.getPackageName().equals("dev.gatehouse.application.port.in")))
                .should().haveSimpleNameEndingWith("Service")
                .andShould().resideInAPackage("dev.gatehouse.application.service")
                .check(classes);
    }

    @Test
    void outboundPortsAreNamedForTheirRoleAndImplementedOnlyInAdapters() {
        noClasses().that().resideInAPackage("dev.gatehouse.application.port.out")
                .should().haveNameMatching(".*(Jdbc|Postgres|Pg|Argon|Nimbus|Smtp|Micronaut).*")
                .check(classes);
        // One exception: the application provides SettingsSource itself, as a cache over the SettingsStore port.
        classes().that().implement(com.tngtech.archunit.base.DescribedPredicate.describe("an outbound port",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.isInterface()
                                && c.getPackageName().equals("dev.gatehouse.application.port.out")
                                && !c.getSimpleName().equals("SettingsSource")))
                .should().resideInAPackage("dev.gatehouse.adapter.out..")
                .check(classes);
    }

    @Test
    void controllersLiveInTheRestAdapterAndSayWhatTheyAre() {
        classes().that().areAnnotatedWith(Controller.class)
                .should().haveSimpleNameEndingWith("Controller")
                .andShould().resideInAPackage("dev.gatehouse.adapter.in.rest..")
                .check(classes);
    }
}
