package se.motesdagen.visit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import se.motesdagen.platform.test.StaffRouteMatrix;

/** Every staff route of the service is open exactly as the README's route matrix says (StaffRouteMatrix). */
class StaffRoutesIntegrationTests extends VisitTestBase {

    @Autowired
    ApplicationContext application;

    @Test
    void everyStaffRouteIsOpenToExactlyTheRolesTheReadmeNames() throws Exception {
        StaffRouteMatrix.Coverage coverage = StaffRouteMatrix.verify(application, mvc);

        assertThat(coverage.routes())
                .as("staff routes found in the handler mappings")
                .isGreaterThan(5);
        System.out.printf(
                "%s: %d staff routes, %d requests%n",
                getClass().getSimpleName(), coverage.routes(), coverage.requests());
    }
}
