package se.motesdagen.registration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Features are packages; they depend on each other without cycles (infrastructure lives in the platform module). */
@AnalyzeClasses(packages = "se.motesdagen.registration", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("se.motesdagen.registration.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theProgrammeDoesNotKnowRegistrations = noClasses()
            .that()
            .resideInAPackage("..registration.programme..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..registration.signup..");
}
