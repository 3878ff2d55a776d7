package dev.ydmyk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one-way architecture (README, "Architecture"): a complaint travels intake → triage →
 * drafting → approval → publishing, each stage knowing only the stages and foundations below it;
 * the scheduler, the sources and the channels sit around the core and depend inward. Changes and
 * notices flow outward as CDI events, never as calls.
 */
class ArchitectureTest {

    /** Lowest first: a package may use packages of its own or a lower layer, never of a higher one. */
    static final List<List<String>> LAYERS = List.of(
            List.of("config", "storage", "problem"),
            List.of("guidelines", "agents", "audit", "notices"),
            List.of("triage", "tone"),
            List.of("intake"),
            List.of("drafting"),
            List.of("approval"),
            List.of("incidents"),
            List.of("publishing"),
            List.of("schedule", "facebook", "email", "privacy"),
            List.of("channels"));

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ydmyk");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.ydmyk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyPackageIsInALayer() {
        List<String> known = LAYERS.stream().flatMap(List::stream).toList();
        List<String> unknown = classes.stream()
                .map(c -> c.getPackageName().replaceFirst("^dev\\.ydmyk\\.?", "").split("\\.")[0])
                .filter(p -> !p.isEmpty() && !known.contains(p))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            throw new AssertionError("Packages not placed in ArchitectureTest.LAYERS: " + unknown);
        }
    }

    @Test
    void dependenciesPointDownTheLayers() {
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            List<String> higher = new ArrayList<>();
            LAYERS.subList(i + 1, LAYERS.size()).forEach(l -> l.forEach(p -> higher.add("dev.ydmyk." + p + "..")));
            for (String pkg : LAYERS.get(i)) {
                rule(pkg, higher).check(classes);
            }
        }
    }

    @Test
    void theScheduleAndTheSourcesDoNotKnowEachOther() {
        // Found by name: an index went stale when a layer was added below (it checked the publishing layer alone).
        List<String> around = LAYERS.stream().filter(l -> l.contains("schedule")).findFirst().orElseThrow();
        for (String pkg : around) {
            List<String> others = around.stream().filter(p -> !p.equals(pkg)).map(p -> "dev.ydmyk." + p + "..").toList();
            rule(pkg, others).check(classes);
        }
    }

    @Test
    void resourcesHoldNoSql() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "dev.ydmyk.storage..")
                .because("a resource asks a service, a service asks a repository")
                .check(classes);
    }

    @Test
    void sqlLivesInRepositories() {
        noClasses().that().resideOutsideOfPackage("dev.ydmyk.storage..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .and().haveSimpleNameNotEndingWith("Outbox")
                .and().doNotHaveSimpleName("AuditTrail")
                .should().callMethod(Connection.class, "prepareStatement", String.class)
                .orShould().callMethod(Connection.class, "createStatement")
                .because("a service asks a repository; SQL written anywhere else is hard to find and to change")
                .check(classes);
    }

    private static ArchRule rule(String pkg, List<String> forbidden) {
        return noClasses().that().resideInAPackage("dev.ydmyk." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because(pkg + " sits below " + forbidden + "; tell them with a CDI event instead");
    }
}
