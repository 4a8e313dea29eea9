package dev.forewarn.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the feature packages under {@code dev.forewarn} (one slice each: {@code probe}, {@code ticket},
 * {@code notify} …) free of dependency cycles, and the REST API and the console on top: nothing below them may
 * reach up into them. The classes directly in {@code dev.forewarn} (the pipeline and the configuration check,
 * which assemble every feature) belong to no slice.
 */
class PackagesFormNoCyclesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.forewarn");

    /**
     * Temporary: package dependencies that still close a cycle and are being removed by the rework of the probe
     * path and of the outboxes (issue 11). The rule ignores exactly these edges; remove an entry as soon as its
     * edge is gone ({@link #everyTemporaryExceptionIsStillNeeded} says when). Never add one.
     */
    private static final Map<String, String> TEMPORARY_EXCEPTIONS = Map.of(
            "quality -> probe", "RegionJudge reads samples from probe's ProbeStore (probe <-> quality)",
            "quality -> incident", "RegionJudge hands state changes to IncidentService (quality <-> incident)",
            "polling -> probe", "FetchFailures classifies probe's ProbeFormatException (polling <-> probe)",
            "polling -> ticket", "FetchFailures classifies ticket's TicketFormatException (polling <-> ticket)");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        SliceRule rule = slices().matching("dev.forewarn.(*)..").namingSlices("$1").should().beFreeOfCycles();
        for (String edge : TEMPORARY_EXCEPTIONS.keySet()) {
            String[] ends = edge.split(" -> ");
            rule = rule.ignoreDependency(inFeature(ends[0]), inFeature(ends[1]));
        }
        rule.check(MAIN);
    }

    @Test
    void everyTemporaryExceptionIsStillNeeded() {
        Set<String> edges = new TreeSet<>();
        for (JavaClass c : MAIN) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String from = feature(d.getOriginClass());
                String to = feature(d.getTargetClass());
                if (from != null && to != null && !from.equals(to)) {
                    edges.add(from + " -> " + to);
                }
            }
        }
        assertThat(edges).as("dependencies excused in TEMPORARY_EXCEPTIONS; an edge that is gone must leave the list")
                .containsAll(TEMPORARY_EXCEPTIONS.keySet());
    }

    @Test
    void nothingBelowTheApiDependsOnIt() {
        // The console renders the API's views as HTML, so it may use them; the API never uses the console.
        noClasses().that().resideOutsideOfPackages("dev.forewarn.api..", "dev.forewarn.console..")
                .should().dependOnClassesThat().resideInAPackage("dev.forewarn.api..")
                .because("api is the top layer: shared types such as ApiError live in dev.forewarn.rest")
                .check(MAIN);
    }

    @Test
    void nothingButTheConsoleDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("dev.forewarn.console..")
                .should().dependOnClassesThat().resideInAPackage("dev.forewarn.console..")
                .check(MAIN);
    }

    private static DescribedPredicate<JavaClass> inFeature(String name) {
        return DescribedPredicate.describe("in dev.forewarn." + name, c -> name.equals(feature(c)));
    }

    /** The feature slice of a class: the package right under dev.forewarn, or null outside the slices. */
    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith("dev.forewarn.")) {
            return null;
        }
        String rest = p.substring("dev.forewarn.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
