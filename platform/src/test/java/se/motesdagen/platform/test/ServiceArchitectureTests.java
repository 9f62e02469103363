package se.motesdagen.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The skeleton's rules bite: a fixture service that keeps the skeleton passes every one, and a fixture
 * that breaks each rule once fails each one (so a rule that matched nothing could not pass unnoticed).
 */
class ServiceArchitectureTests {

    private static final List<ArchRule> RULES = List.of(
            ServiceArchitecture.packagesHaveNoCycles,
            ServiceArchitecture.controllersLiveInWebPackages,
            ServiceArchitecture.controllersTouchOnlyTheirOwnFeaturesRepositories,
            ServiceArchitecture.onlyInboundReadsOtherServicesContracts,
            ServiceArchitecture.scheduledWorkLivesInJobs,
            ServiceArchitecture.timeComesFromTheClock);

    @Test
    void aServiceInTheSkeletonKeepsEveryRule() {
        JavaClasses good = new ClassFileImporter().importPackages("se.motesdagen.archgood");
        assertThat(good).isNotEmpty();
        for (ArchRule rule : RULES) {
            assertThat(rule.evaluate(good).hasViolation())
                    .as(rule.getDescription())
                    .isFalse();
        }
    }

    @Test
    void aServiceThatBreaksEachRuleOnceFailsEachRule() {
        JavaClasses bad = new ClassFileImporter().importPackages("se.motesdagen.archbad");
        for (ArchRule rule : RULES) {
            assertThat(rule.evaluate(bad).hasViolation())
                    .as(rule.getDescription())
                    .isTrue();
        }
    }
}
