package se.motesdagen.registration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import se.motesdagen.platform.test.ServiceArchitecture;

/** The service keeps the skeleton every service keeps (ServiceArchitecture), and the programme knows no registration. */
@AnalyzeClasses(packages = "se.motesdagen.registration", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests skeleton = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule theProgrammeDoesNotKnowRegistrations = noClasses()
            .that()
            .resideInAPackage("..registration.programme..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..registration.signup..");
}
