package se.motesdagen.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import se.motesdagen.platform.test.ServiceArchitecture;

/** The service keeps the skeleton every service keeps (ServiceArchitecture). */
@AnalyzeClasses(packages = "se.motesdagen.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchTests skeleton = ArchTests.in(ServiceArchitecture.class);
}
