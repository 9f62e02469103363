package se.motesdagen.devinfra;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static se.motesdagen.devinfra.StoreClient.ids;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query that pins {@code _id} and checks more fields goes through the {@code _id} index on the local
 * store; these tests hold it to the same answers a full scan gives, and to the stock backend's files.
 */
class IdFirstQueryTests {

    @TempDir
    Path data;

    @Test
    void idAndAnotherFieldFindOnlyTheDocumentWhereBothMatch() {
        withStore(DurableH2Backend.open(data.resolve("store.mv.db").toString(), false), messages -> {
            messages.insertMany(List.of(
                    new Document("_id", "a").append("lease", "t1").append("status", "SENDING"),
                    new Document("_id", "b").append("lease", "t2").append("status", "SENDING"),
                    new Document("_id", "c").append("lease", "t1").append("status", "SENT")));

            assertThat(ids(messages.find(pinned("b", "lease", "t2")))).containsExactly("b");
            assertThat(ids(messages.find(pinned("b", "lease", "t1")))).isEmpty();
            assertThat(ids(messages.find(pinned("zz", "lease", "t1")))).isEmpty();
            // operators on _id, and the driver's $and, still match more than one document
            assertThat(ids(messages.find(and(in("_id", "a", "c"), eq("lease", "t1")))))
                    .containsExactly("a", "c");

            // a fenced update changes the document only while the token still holds
            assertThat(messages.updateOne(pinned("a", "lease", "stale"), Updates.set("status", "SENT"))
                            .getModifiedCount())
                    .isZero();
            assertThat(messages.updateOne(pinned("a", "lease", "t1"), Updates.set("status", "SENT"))
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThat(messages.find(eq("_id", "a")).first()).containsEntry("status", "SENT");
            assertThat(messages.findOneAndUpdate(pinned("b", "status", "SENDING"), Updates.set("status", "SENT")))
                    .containsEntry("lease", "t2");
            assertThat(messages.countDocuments(eq("status", "SENT"))).isEqualTo(3);
        });
    }

    @Test
    void anAggregationReadsTheCollectionAsItGoesNotAsAListMadeFirst() {
        DurableH2Backend backend =
                DurableH2Backend.open(data.resolve("store.mv.db").toString(), false);
        withStore(backend, messages -> {
            messages.insertMany(List.of(
                    new Document("_id", "a").append("status", "SENT"),
                    new Document("_id", "b").append("status", "SENT"),
                    new Document("_id", "c").append("status", "FAILED")));

            // the gauges' count by state, as Spring Data sends it
            List<Document> counts = messages.aggregate(List.of(new Document(
                            "$group", new Document("_id", "$status").append("count", new Document("$sum", 1)))))
                    .into(new ArrayList<>());
            assertThat(counts)
                    .extracting(group -> group.get("_id") + "=" + group.get("count"))
                    .containsExactlyInAnyOrder("SENT=2", "FAILED=1");

            // nothing is read when the stream is made: a document stored before the stream is read is in
            // it, which a list made at the call (the stock collection's way, the whole collection in
            // memory at once) would not have
            var collection = backend.resolveDatabase("notification").resolveCollection("messages", true);
            var documents = collection.queryAllAsStream();
            messages.insertOne(new Document("_id", "d").append("status", "SENT"));
            assertThat(documents.map(document -> document.get("_id"))).containsExactly("a", "b", "c", "d");
        });
    }

    @Test
    void readsWhatTheStockBackendWrote() {
        String file = data.resolve("stock.mv.db").toString();
        H2Backend stock = new H2Backend(file);
        withStore(stock, messages -> messages.insertOne(new Document("_id", "kept").append("lease", "t")));

        DurableH2Backend reopened = DurableH2Backend.open(file, false);
        // the collections that exist in the file when it opens are the ones every later run uses
        assertThat(reopened.resolveDatabase("notification").resolveCollection("messages", true))
                .isInstanceOf(DurableH2Backend.IdFirstCollection.class);
        withStore(reopened, messages -> {
            assertThat(ids(messages.find(pinned("kept", "lease", "t")))).containsExactly("kept");
            messages.insertOne(new Document("_id", "new").append("lease", "t"));
            assertThat(ids(messages.find(eq("lease", "t")))).containsExactlyInAnyOrder("kept", "new");
        });
    }

    /** The filter as Spring Data writes {@code where("_id").is(id).and(field).is(value)}: one flat document. */
    private static Document pinned(String id, String field, String value) {
        return new Document("_id", id).append(field, value);
    }

    private static void withStore(H2Backend backend, Consumer<MongoCollection<Document>> use) {
        StoreClient.withCollection(backend, "notification", "messages", use);
    }
}
