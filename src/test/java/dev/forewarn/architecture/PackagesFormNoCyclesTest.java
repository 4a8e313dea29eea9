package dev.forewarn.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.forewarn.(*)..").namingSlices("$1").should().beFreeOfCycles().check(MAIN);
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
}
