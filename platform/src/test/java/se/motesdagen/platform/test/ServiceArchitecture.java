package se.motesdagen.platform.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.repository.Repository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import se.motesdagen.platform.messaging.IncomingEvent;
import se.motesdagen.platform.messaging.IncomingEvents;

/**
 * The skeleton every service keeps (ARCHITECTURE.md), as rules each service runs on its own classes:
 *
 * <pre>
 * se.motesdagen.&lt;service&gt;
 *   &lt;feature&gt;/       model, rules, repository, the feature's service, the events it publishes
 *   &lt;feature&gt;/web/   its pages and API: controllers, forms, views
 *   inbound/         the readers of other services' contracts, and nothing else reads them
 *   jobs/            scheduled work, each under the platform's job lease
 *   system/          the service's own configuration
 * </pre>
 *
 * <p>A service runs them with {@code @ArchTest static final ArchTests skeleton =
 * ArchTests.in(ServiceArchitecture.class);} in a class annotated {@code @AnalyzeClasses(packages =
 * "se.motesdagen.<service>", importOptions = DoNotIncludeTests.class)}.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {}

    /**
     * Packages depend on each other in one direction only: features on features, a feature's web on its
     * feature, inbound and jobs on features, never back.
     */
    @ArchTest
    public static final ArchRule packagesHaveNoCycles = slices().matching("se.motesdagen.*.(**)")
            .namingSlices("package $1")
            .should()
            .beFreeOfCycles();

    /** A page or an API endpoint is found in the web package of its feature. */
    @ArchTest
    public static final ArchRule controllersLiveInWebPackages = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAPackage("..web..")
            .allowEmptyShould(true);

    /** Controllers bind, validate, call their feature and pick a view; the feature does the storing. */
    @ArchTest
    public static final ArchRule controllersTouchOnlyTheirOwnFeaturesRepositories = classes()
            .that()
            .resideInAPackage("..web..")
            .should(useRepositoriesOfTheirOwnFeatureOnly())
            .andShould()
            .onlyDependOnClassesThat(not(assignableTo(MongoOperations.class)))
            .allowEmptyShould(true);

    /** Another service's events are read in inbound and mapped there into this service's own terms. */
    @ArchTest
    public static final ArchRule onlyInboundReadsOtherServicesContracts = noClasses()
            .that()
            .resideOutsideOfPackage("..inbound..")
            .should()
            .dependOnClassesThat(belongToAnyOf(IncomingEvents.class, IncomingEvent.class))
            .orShould()
            .dependOnClassesThat(resideInAPackage("..inbound.."))
            .allowEmptyShould(true);

    /** What runs on a timer is found in one place, and takes the job lease there. */
    @ArchTest
    public static final ArchRule scheduledWorkLivesInJobs = methods()
            .that()
            .areAnnotatedWith(Scheduled.class)
            .should()
            .beDeclaredInClassesThat()
            .resideInAPackage("..jobs..")
            .allowEmptyShould(true);

    /** The time comes from the service's {@link Clock} bean, so tests can move it and every part agrees. */
    @ArchTest
    public static final ArchRule timeComesFromTheClock =
            noClasses().should(callMethodWhere(readsTheSystemClock())).allowEmptyShould(true);

    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return new DescribedPredicate<>("read the system clock (now() without a Clock, System.currentTimeMillis())") {
            @Override
            public boolean test(JavaMethodCall call) {
                JavaClass owner = call.getTargetOwner();
                String name = call.getName();
                if (owner.isEquivalentTo(System.class)) {
                    return name.equals("currentTimeMillis");
                }
                if (!owner.getPackageName().equals("java.time") || !name.equals("now")) {
                    return false;
                }
                List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
                return parameters.size() != 1 || !parameters.getFirst().isEquivalentTo(Clock.class);
            }
        };
    }

    /** A class uses repositories of its own feature (the first package below the service's) only. */
    private static ArchCondition<JavaClass> useRepositoriesOfTheirOwnFeatureOnly() {
        return new ArchCondition<>("use repositories of their own feature only") {
            @Override
            public void check(JavaClass web, ConditionEvents events) {
                String feature = featureOf(web);
                web.getDirectDependenciesFromSelf().stream()
                        .map(dependency -> dependency.getTargetClass())
                        .filter(target -> target.isAssignableTo(Repository.class))
                        .filter(target -> !feature.equals(featureOf(target)))
                        .distinct()
                        .forEach(target -> events.add(SimpleConditionEvent.violated(
                                web,
                                web.getName() + " uses " + target.getName() + ", a repository of another feature")));
            }
        };
    }

    /** {@code se.motesdagen.visit.host.web} → {@code host}. */
    static String featureOf(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 3 ? parts[3] : "";
    }
}
