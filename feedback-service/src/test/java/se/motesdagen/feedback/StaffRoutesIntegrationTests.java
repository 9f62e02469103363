package se.motesdagen.feedback;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import se.motesdagen.platform.test.StaffRouteMatrix;

/** Every staff route of the service is open exactly as the README's route matrix says (StaffRouteMatrix). */
class StaffRoutesIntegrationTests extends FeedbackTestBase {

    @Autowired
    ApplicationContext application;

    @Test
    void everyStaffRouteIsOpenToExactlyTheRolesTheReadmeNames() throws Exception {
        StaffRouteMatrix.verify(application, mvc);
    }
}
