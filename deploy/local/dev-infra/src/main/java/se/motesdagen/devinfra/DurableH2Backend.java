package se.motesdagen.devinfra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made to keep what it acknowledges. The stock backend opens its
 * MVStore with a background commit about once a second, so a write the client was told had succeeded
 * is lost when the process is killed within that second. Here the store never commits on its own;
 * every request that changed something is committed to the file before its answer goes back, with
 * concurrent requests sharing one commit ({@link GroupCommit}). Without the background thread, the
 * file's old chunks are emptied by {@link StoreHousekeeping} instead.
 */
final class DurableH2Backend extends H2Backend {

    private final GroupCommit commits;
    private final StoreHousekeeping housekeeping;

    DurableH2Backend(MVStore store, GroupCommit commits, Runnable whenStoreFailed) {
        super(store); // opens every database, collection and index already in the file
        this.commits = commits;
        this.housekeeping = new StoreHousekeeping(store, commits, whenStoreFailed);
    }

    static DurableH2Backend open(String fileName, boolean fsync) {
        return open(fileName, fsync, () -> {});
    }

    /**
     * @param whenStoreFailed called once, from the housekeeping thread, when H2 has given the store up
     *     after a failed write (its "panic": every write after it fails too, until the file is opened again)
     */
    static DurableH2Backend open(String fileName, boolean fsync, Runnable whenStoreFailed) {
        MVStore store =
                new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
        if (fsync) {
            // H2 keeps an emptied chunk for 45 s before writing over it, for file systems that have not
            // flushed the commits after it yet; every commit here is forced to the disk, so a few seconds
            // are margin enough, and the file holds 5 s of commits in flight instead of 45
            store.setRetentionTime(5_000);
        }
        DurableH2Backend backend = new DurableH2Backend(store, new GroupCommit(store, fsync), whenStoreFailed);
        backend.housekeeping.start(Duration.ofSeconds(1));
        return backend;
    }

    StoreHousekeeping housekeeping() {
        return housekeeping;
    }

    @Override
    public void close() {
        housekeeping.close();
        super.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdFirstDatabase(databaseName);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            commits.makeDurable();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            commits.makeDurable();
        }
    }

    /**
     * mongo-java-server uses an index only when a query names exactly the index's fields, so a query that
     * pins {@code _id} and checks one more field ({@code {_id: x, leaseToken: t}}, the fenced updates of
     * the outbox relay and the mail dispatcher) read every document of the collection: the local stack
     * grew slower with every registration it kept. Here a query that pins {@code _id} to one value looks
     * that document up by the {@code _id} index and matches the rest of the query against it alone.
     * Its unique indexes ({@code _id} among them) compare keys as stored bytes ({@link SerializedKeyIndex}).
     */
    private final class IdFirstDatabase extends H2Database {

        // An inner class: the collections that already exist are opened by H2Database's constructor,
        // before any field of this class is set, but the enclosing backend (and its store) is there.
        IdFirstDatabase(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the same maps the stock H2Database opens, so existing data files read the same; documents
            // are written as BSON from now on (BsonDocumentType), those already there read as before
            String namespace = getFullCollectionNamespace(collectionName);
            return new IdFirstCollection(
                    this,
                    collectionName,
                    options,
                    getMvStore()
                            .openMap(
                                    "databases." + namespace,
                                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE)),
                    getMvStore().openMap("meta." + namespace),
                    cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // the stock map's name, keys in the stock format: only how they are compared changes
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            return new SerializedKeyIndex(
                    getMvStore().openMap(mapName, SerializedKeyIndex.mapBuilder()), indexName, keys, sparse);
        }
    }

    static final class IdFirstCollection extends H2Collection {

        private final MVMap<Object, Document> data;

        IdFirstCollection(
                H2Database database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
        }

        /**
         * Every document, each read as the stream comes to it, from the store as it is then. The stock
         * collection first makes a list of the whole collection, which an aggregation then walks: the
         * services' gauges count their documents by state once a minute, and at some 55,000 stored mails
         * with their HTML that list was more than the store's heap (a heap dump of dev-infra out of memory
         * held 55,000 mails at once).
         */
        @Override
        public Stream<Document> queryAllAsStream() {
            return data.values().stream();
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            Object id = query.size() > 1 ? query.get("_id") : null;
            if (isSingleValue(id)) {
                for (Index<Object> index : getIndexes()) {
                    if (index.getName().equals("_id_")) {
                        Iterable<Object> positions = index.getPositions(new Document("_id", id));
                        return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /** A plain value: not an operator document, a list or a pattern, which match more than one id. */
        private static boolean isSingleValue(Object id) {
            return id != null
                    && !(id instanceof Document)
                    && !(id instanceof Collection<?>)
                    && !(id instanceof Pattern);
        }
    }
}
