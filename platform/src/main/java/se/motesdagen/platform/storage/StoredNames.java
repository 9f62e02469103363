package se.motesdagen.platform.storage;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Brings names stored by an earlier version up to date, for a service's start-up upgrade of its own
 * data. Both steps are single-document writes that can be made again, so a crash in the middle (the
 * embedded store has no transactions) is finished at the next start, and a second run changes nothing.
 */
public final class StoredNames {

    private static final Logger log = LoggerFactory.getLogger(StoredNames.class);

    private StoredNames() {}

    /** Copies every document of {@code from} into {@code to} (a save by id) and drops {@code from}. */
    public static long moveCollection(MongoOperations mongo, String from, String to) {
        if (!mongo.collectionExists(from)) {
            return 0;
        }
        long moved = 0;
        for (Document document : mongo.findAll(Document.class, from)) {
            mongo.save(document, to);
            moved++;
        }
        mongo.dropCollection(from);
        log.info("Moved {} documents from {} to {}", moved, from, to);
        return moved;
    }

    /** Renames the field in every document of the collection that still has it, and drops the indexes on it. */
    public static long renameField(MongoOperations mongo, String collection, String from, String to) {
        long renamed = mongo.updateMulti(
                        Query.query(Criteria.where(from).exists(true)), new Update().rename(from, to), collection)
                .getModifiedCount();
        IndexOperations indexes = mongo.indexOps(collection);
        for (var index : indexes.getIndexInfo()) {
            if (index.getIndexFields().stream().anyMatch(field -> field.getKey().equals(from))) {
                indexes.dropIndex(index.getName());
                log.info("Dropped the index {} of {} on the old field {}", index.getName(), collection, from);
            }
        }
        if (renamed > 0) {
            log.info("Renamed {} to {} in {} documents of {}", from, to, renamed, collection);
        }
        return renamed;
    }
}
