package se.motesdagen.registration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Features are packages; they depend on each other without cycles and the cross-cutting code on none of them. */
@AnalyzeClasses(packages = "se.motesdagen.registration", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("se.motesdagen.registration.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule systemCodeKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("..registration.system..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..registration.registration..", "..registration.programme..");

    @ArchTest
    static final ArchRule theProgrammeDoesNotKnowRegistrations = noClasses()
            .that()
            .resideInAPackage("..registration.programme..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..registration.registration..");
}
