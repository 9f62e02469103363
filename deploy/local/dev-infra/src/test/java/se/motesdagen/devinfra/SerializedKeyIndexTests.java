package se.motesdagen.devinfra;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.motesdagen.devinfra.StoreClient.ids;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local store's unique indexes compare stored bytes instead of serialising keys on every step; they
 * must keep every promise of a unique index, and read and write the stock backend's files unchanged.
 */
class SerializedKeyIndexTests {

    /** Enough keys for the index's tree to have many pages, so every lookup descends through compares. */
    private static final int COMPANIES = 3_000;

    @TempDir
    Path data;

    @Test
    void aUniqueIndexRefusesTheSameKeyTwiceAndTakesEveryDifferentOne() {
        DurableH2Backend backend =
                DurableH2Backend.open(data.resolve("store.mv.db").toString(), false);
        withStore(backend, companies -> {
            companies.createIndex(Indexes.ascending("eventId", "orgNr"), new IndexOptions().unique(true));
            var collection = (DurableH2Backend.IdFirstCollection)
                    backend.resolveDatabase("registration").resolveCollection("companies", true);
            assertThat(collection.getIndexes())
                    .extracting(index -> index.getName())
                    .containsExactly("_id_", "eventId_1_orgNr_1");
            assertThat(collection.getIndexes()).allMatch(SerializedKeyIndex.class::isInstance);
            companies.insertOne(company("c-1", "day-1", "5560360793"));
            // the same company on another day, and another company on the same day
            companies.insertOne(company("c-2", "day-2", "5560360793"));
            companies.insertOne(company("c-3", "day-1", "2120000142"));

            assertDuplicate(() -> companies.insertOne(company("c-4", "day-1", "5560360793")));
            assertDuplicate(() -> companies.insertOne(company("c-1", "day-3", "8000000000")));
            assertThat(companies.countDocuments()).isEqualTo(3);

            // a key freed by a delete or an update can be taken again; the old one cannot be used twice
            companies.deleteOne(eq("_id", "c-1"));
            companies.insertOne(company("c-5", "day-1", "5560360793"));
            companies.updateOne(eq("_id", "c-3"), new Document("$set", new Document("orgNr", "8020010001")));
            companies.insertOne(company("c-6", "day-1", "2120000142"));
            assertDuplicate(() -> companies.insertOne(company("c-7", "day-1", "8020010001")));

            assertThat(ids(companies.find(new Document("eventId", "day-1").append("orgNr", "5560360793"))))
                    .containsExactly("c-5");
            assertThat(ids(companies.find(eq("_id", "c-6")))).containsExactly("c-6");
            assertThat(companies.countDocuments()).isEqualTo(4);
        });
    }

    @Test
    void readsAndWritesTheStockBackendsIndexFormat() {
        String file = data.resolve("stock.mv.db").toString();
        withStore(new H2Backend(file), companies -> {
            companies.createIndex(Indexes.ascending("eventId", "orgNr"), new IndexOptions().unique(true));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < COMPANIES; i++) {
                batch.add(company("c-" + i, "day-" + (i % 3), orgNr(i)));
            }
            companies.insertMany(batch);
        });

        withStore(DurableH2Backend.open(file, false), companies -> {
            // every key the stock backend wrote is found by the new comparison, in the stock order
            for (int i = 0; i < COMPANIES; i += 7) {
                assertThat(ids(companies.find(eq("_id", "c-" + i)))).containsExactly("c-" + i);
                assertThat(ids(companies.find(new Document("eventId", "day-" + (i % 3)).append("orgNr", orgNr(i)))))
                        .containsExactly("c-" + i);
            }
            assertDuplicate(() -> companies.insertOne(company("c-10", "day-9", "x")));
            assertDuplicate(() -> companies.insertOne(company("new-1", "day-1", orgNr(1))));
            companies.insertOne(company("new-2", "day-1", "org-2"));
        });

        // and what the new index wrote is in the stock format: H2's default type reads its keys back
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            MVMap<Object, Object> index = store.openMap("registration.companies._index_eventId_1_orgNr_1");
            assertThat(index.sizeAsLong()).isEqualTo(COMPANIES + 1);
            assertThat(index.keySet()).allMatch(KeyValue.class::isInstance);
            assertThat(index.get(new KeyValue("day-1", "org-2"))).isEqualTo("new-2");
        } finally {
            store.close();
        }
    }

    /**
     * Keys of the same length whose bytes differ above 127 (ö is two bytes in UTF-8), where a comparison
     * of signed bytes would order them differently from the stock one.
     */
    private static String orgNr(int i) {
        return (i % 2 == 0 ? "ab-" : "ö-") + i;
    }

    private static Document company(String id, String eventId, String orgNr) {
        return new Document("_id", id).append("eventId", eventId).append("orgNr", orgNr);
    }

    private static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run)
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getError().getCode()))
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static void withStore(H2Backend backend, Consumer<MongoCollection<Document>> use) {
        StoreClient.withCollection(backend, "registration", "companies", use);
    }
}
