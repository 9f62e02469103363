package se.motesdagen.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.motesdagen.platform.test.ServiceReadme;

/** The README's Publishes and Consumes tables name exactly the event types the code publishes and reads. */
class ReadmeTests {

    @Test
    void theReadmeSaysWhatTheServicePublishesAndConsumes() {
        assertThat(ServiceReadme.problems("registration")).isEmpty();
    }
}
