package se.motesdagen.devinfra;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's file stops growing once the housekeeping empties old chunks, and what it moved reads back
 * the same after a restart. The store runs with no retention time here, so a chunk emptied by one pass
 * can be written again at the next commit (the local stack keeps one 5 s, with every commit synced).
 */
class StoreHousekeepingTests {

    private static final int DOCUMENTS = 500;
    private static final int ROUNDS = 150;

    @TempDir
    Path data;

    @Test
    void rewritingTheSameDocumentsStopsGrowingTheFileOnceOldChunksAreEmptied() throws Exception {
        Path file = data.resolve("store.mv.db");
        DurableH2Backend backend = open(file);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        long grownWithout;
        long grownWith;
        int fillWithout;
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> messages =
                    client.getDatabase("notification").getCollection("messages");
            messages.createIndex(Indexes.ascending("round"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(new Document("_id", "m-" + i).append("round", 0).append("body", "x".repeat(400)));
            }
            messages.insertMany(documents);

            long start = Files.size(file);
            for (int round = 1; round <= ROUNDS; round++) {
                messages.updateMany(new Document(), Updates.set("round", round));
            }
            grownWithout = Files.size(file) - start;
            fillWithout = backend.getMvStore().getFileStore().getChunksFillRate();

            long before = Files.size(file);
            for (int round = ROUNDS + 1; round <= 2 * ROUNDS; round++) {
                messages.updateMany(new Document(), Updates.set("round", round));
                backend.housekeeping().pass();
            }
            grownWith = Files.size(file) - before;
            assertThat(backend.getMvStore().getFileStore().getChunksFillRate())
                    .as("share of live data in the chunks after housekeeping (without: %d %%)", fillWithout)
                    .isGreaterThan(fillWithout)
                    .isGreaterThanOrEqualTo(StoreHousekeeping.TARGET_FILL_PERCENT / 2);
        } finally {
            server.shutdown();
        }
        assertThat(fillWithout).isLessThan(StoreHousekeeping.TARGET_FILL_PERCENT);
        assertThat(grownWith)
                .as("bytes the file grew by in %d rounds with housekeeping (without: %d)", ROUNDS, grownWithout)
                .isLessThan(grownWithout / 4);

        // what was moved reads back the same: every document at the last round, found by its index too
        MongoServer again = new MongoServer(open(file));
        InetSocketAddress address2 = again.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address2.getHostString() + ":" + address2.getPort())) {
            MongoCollection<Document> messages =
                    client.getDatabase("notification").getCollection("messages");
            assertThat(messages.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(messages.countDocuments(eq("round", 2 * ROUNDS))).isEqualTo(DOCUMENTS);
            assertThat(messages.find(eq("_id", "m-7")).first())
                    .containsEntry("round", 2 * ROUNDS)
                    .containsEntry("body", "x".repeat(400));
        } finally {
            again.shutdown();
        }
    }

    @Test
    void aStoreWhoseChunksAreMostlyLiveIsLeftAlone() {
        DurableH2Backend backend = open(data.resolve("fresh.mv.db"));
        try {
            var map = backend.getMvStore().<String, String>openMap("plain");
            map.put("a", "b");
            backend.getMvStore().commit();
            assertThat(backend.housekeeping().pass()).isFalse();
        } finally {
            backend.close();
        }
    }

    @Test
    void aStoreH2HasGivenUpIsToldOfOnceAndNoLongerCompacted() {
        AtomicInteger failures = new AtomicInteger();
        MVStore store = new MVStore.Builder()
                .fileName(data.resolve("failing.mv.db").toString())
                .autoCommitDisabled()
                .open();
        DurableH2Backend backend =
                new DurableH2Backend(store, new GroupCommit(store, false), failures::incrementAndGet);
        try {
            store.<String, String>openMap("plain").put("a", "b");
            store.commit();
            backend.housekeeping().passQuietly();
            assertThat(failures).as("a healthy store").hasValue(0);

            // what MVStore does when writing a chunk fails (here: the heap had no room for its buffer)
            assertThatThrownBy(() -> store.panic(
                            DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED, "Capacity: {0}", 7_077_888)))
                    .isInstanceOf(MVStoreException.class);
            backend.housekeeping().passQuietly();
            backend.housekeeping().passQuietly();
            assertThat(failures).as("told once, however many passes follow").hasValue(1);
        } finally {
            store.closeImmediately();
        }
    }

    private static DurableH2Backend open(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        store.setRetentionTime(0);
        return new DurableH2Backend(store, new GroupCommit(store, false), () -> {});
    }
}
