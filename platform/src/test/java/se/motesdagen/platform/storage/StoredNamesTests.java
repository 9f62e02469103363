package se.motesdagen.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The start-up renames on the MongoDB-compatible server: what they move, and that a second run changes nothing. */
class StoredNamesTests {

    private static MongoServer server;
    private static MongoClient client;
    private MongoTemplate mongo;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        mongo = new MongoTemplate(client, "stored-names-tests");
        mongo.getDb().drop();
    }

    @Test
    void aCollectionIsMovedIntoOneThatAlreadyExistsAndIsGoneAfterwards() {
        mongo.insert(new Document("_id", "a").append("name", "Dag A"), "events");
        mongo.insert(new Document("_id", "b").append("name", "Dag B"), "events");
        mongo.insert(new Document("_id", "c").append("name", "Dag C"), "days");

        assertThat(StoredNames.moveCollection(mongo, "events", "days")).isEqualTo(2);
        assertThat(StoredNames.moveCollection(mongo, "events", "days")).isZero();

        assertThat(mongo.collectionExists("events")).isFalse();
        assertThat(mongo.findAll(Document.class, "days"))
                .extracting(d -> d.getString("name"))
                .containsExactlyInAnyOrder("Dag A", "Dag B", "Dag C");
    }

    @Test
    void aFieldIsRenamedWhereItIsPresentItsIndexDroppedAndOtherFieldsAndIndexesKept() {
        mongo.insert(new Document("_id", "1").append("eventId", "d1").append("status", "CONFIRMED"), "registrations");
        mongo.insert(new Document("_id", "2").append("dayId", "d2"), "registrations");
        mongo.indexOps("registrations")
                .createIndex(new Index().on("eventId", Sort.Direction.ASC).named("by_event"));
        mongo.indexOps("registrations")
                .createIndex(new Index().on("status", Sort.Direction.ASC).named("by_status"));

        assertThat(StoredNames.renameField(mongo, "registrations", "eventId", "dayId"))
                .isEqualTo(1);
        assertThat(StoredNames.renameField(mongo, "registrations", "eventId", "dayId"))
                .isZero();

        Document renamed = mongo.findById("1", Document.class, "registrations");
        assertThat(renamed.getString("dayId")).isEqualTo("d1");
        assertThat(renamed.containsKey("eventId")).isFalse();
        assertThat(renamed.getString("status")).isEqualTo("CONFIRMED");
        assertThat(mongo.findById("2", Document.class, "registrations").getString("dayId"))
                .isEqualTo("d2");
        assertThat(mongo.indexOps("registrations").getIndexInfo())
                .extracting(IndexInfo::getName)
                .doesNotContain("by_event")
                .contains("by_status");
    }
}
