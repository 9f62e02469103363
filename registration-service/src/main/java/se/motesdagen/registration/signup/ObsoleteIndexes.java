package se.motesdagen.registration.signup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Index creation only adds indexes; this drops the ones a rule change left behind in existing data.
 * The unique index on (event, organisationsnummer) refused a second sole trader (both without a
 * number) and let an unconfirmed registration keep a company out; one confirmed registration per
 * company is now held by {@code companyPlace}.
 */
@Component
class ObsoleteIndexes {

    private static final Logger log = LoggerFactory.getLogger(ObsoleteIndexes.class);
    static final String ONE_REGISTRATION_PER_ORGANISATION_NUMBER = "one_registration_per_company_and_event";

    private final MongoOperations mongo;

    ObsoleteIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void drop() {
        var indexes = mongo.indexOps(Registration.class);
        if (indexes.getIndexInfo().stream()
                .anyMatch(i -> i.getName().equals(ONE_REGISTRATION_PER_ORGANISATION_NUMBER))) {
            indexes.dropIndex(ONE_REGISTRATION_PER_ORGANISATION_NUMBER);
            log.info("Dropped the index {}: the rule it held has changed", ONE_REGISTRATION_PER_ORGANISATION_NUMBER);
        }
    }
}
