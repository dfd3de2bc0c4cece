package dev.dynarecord.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The starter uses the core's public API only, and keeps its optional dependencies optional: the
 * auto-configuration itself never links to the health, test or validation APIs (only the classes
 * behind their conditions do).
 */
@AnalyzeClasses(packages = "dev.dynarecord.spring.boot", importOptions = ImportOption.DoNotIncludeTests.class)
class StarterArchitectureTest {

    @ArchTest
    static final ArchRule onlyThePublicApi = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.dynarecord.internal..");

    @ArchTest
    static final ArchRule theSessionConfigurationNeedsNoOptionalApi = noClasses()
            .that().haveNameMatching("dev\\.dynarecord\\.spring\\.boot\\.(DynarecordAutoConfiguration|ConfigFromProperties"
                    + "|DynarecordProperties|DefaultSessionBinding|DynarecordModels|ModelScanner|DynarecordFailureAnalyzer)")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot.health..",
                    "org.springframework.test..", "org.springframework.boot.test..", "jakarta.validation..");
}
