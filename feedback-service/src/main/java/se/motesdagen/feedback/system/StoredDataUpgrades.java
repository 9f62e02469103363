package se.motesdagen.feedback.system;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.storage.StoredNames;

/**
 * What data stored by an earlier version needs before anything reads it (this runs while the context
 * starts, before the pages and the consumers): the day a participant took part in was called its
 * "event" ({@code eventId}, {@code eventName}, {@code eventDate}), a word that also means a Kafka event;
 * now it is the day.
 */
@Component
class StoredDataUpgrades implements InitializingBean {

    private final MongoOperations mongo;

    StoredDataUpgrades(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        StoredNames.renameField(mongo, "participants", "eventId", "dayId");
        StoredNames.renameField(mongo, "participants", "eventName", "dayName");
        StoredNames.renameField(mongo, "participants", "eventDate", "dayDate");
    }
}
