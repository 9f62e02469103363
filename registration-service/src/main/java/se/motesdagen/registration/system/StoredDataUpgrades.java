package se.motesdagen.registration.system;

import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.storage.StoredNames;
import se.motesdagen.registration.signup.Registration;
import se.motesdagen.registration.signup.SwedishOrder;

/**
 * What data stored by an earlier version needs when this one starts. Index creation only adds indexes;
 * this drops the ones a rule change left behind: the unique index on (event, organisationsnummer) refused
 * a second sole trader (both without a number) and let an unconfirmed registration keep a company out;
 * one confirmed registration per company is now held by {@code companyPlace}. And registrations stored
 * before the Swedish sort key ({@link SwedishOrder}) get theirs.
 *
 * <p>Before anything reads the store (while the context starts, so before the pages and the consumers),
 * the names of an earlier version are brought up to date: the days were kept in {@code events} and each
 * registration, session's seats and merged submission named its day {@code eventId}, a word that also
 * means a Kafka event; now they are {@code days} and {@code dayId}. Each step can be run again, so a
 * crash in the middle is finished at the next start.
 */
@Component
class StoredDataUpgrades implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StoredDataUpgrades.class);
    static final String ONE_REGISTRATION_PER_ORGANISATION_NUMBER = "one_registration_per_company_and_event";

    private final MongoOperations mongo;

    StoredDataUpgrades(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        StoredNames.moveCollection(mongo, "events", "days");
        for (String collection : List.of("registrations", "seats", "mergedSubmissions")) {
            StoredNames.renameField(mongo, collection, "eventId", "dayId");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgrade() {
        var indexes = mongo.indexOps(Registration.class);
        if (indexes.getIndexInfo().stream()
                .anyMatch(i -> i.getName().equals(ONE_REGISTRATION_PER_ORGANISATION_NUMBER))) {
            indexes.dropIndex(ONE_REGISTRATION_PER_ORGANISATION_NUMBER);
            log.info("Dropped the index {}: the rule it held has changed", ONE_REGISTRATION_PER_ORGANISATION_NUMBER);
        }
        // registrations stored before the Swedish sort key get theirs, so the list by company holds them all
        var before = Query.query(Criteria.where("companySortKey")
                .exists(false)
                .and("company.name")
                .ne(null));
        int keyed = 0;
        for (Document old : mongo.find(before, Document.class, "registrations")) {
            String name = old.get("company", Document.class).getString("name");
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(old.get("_id"))),
                    Update.update("companySortKey", SwedishOrder.key(name)),
                    "registrations");
            keyed++;
        }
        if (keyed > 0) {
            log.info("Gave {} registrations stored before it their Swedish sort key", keyed);
        }
    }
}
