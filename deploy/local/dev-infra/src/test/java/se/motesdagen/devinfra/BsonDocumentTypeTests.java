package se.motesdagen.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store writes documents as BSON and gives back exactly what it was given, across restarts. */
class BsonDocumentTypeTests {

    @TempDir
    Path data;

    @Test
    void everyKindOfValueTheServicesStoreComesBackTheSameAfterARestart() {
        Document stored = new Document("_id", "reg-1")
                .append("text", "Åsa Öberg på Ängsvägen")
                .append("int", 42)
                .append("long", 9_000_000_000L)
                .append("double", 4.25)
                .append("bool", true)
                .append("date", Date.from(Instant.parse("2027-05-02T09:15:30.123Z")))
                .append("objectId", new ObjectId("65f1c0ffee0000000000abcd"))
                .append("uuid", UUID.fromString("0b7e9a52-3d4f-4c8e-9a61-2f0c1d2e3f40"))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("decimal", Decimal128.parse("1234.50"))
                .append("none", null)
                .append("nested", new Document("state", "HELD").append("ticket", 7L))
                .append("list", List.of(new Document("a", 1), "two", List.of(3, 4)));
        String file = data.resolve("store.mv.db").toString();

        withCollection(file, registrations -> registrations.insertMany(List.of(stored, new Document("_id", "reg-2"))));
        withCollection(file, registrations -> {
            assertThat(registrations.find(new Document("_id", "reg-1")).first()).isEqualTo(stored);
            // and a document changed after the restart is written again the same way
            registrations.updateOne(new Document("_id", "reg-2"), new Document("$set", new Document("n", 2)));
        });
        withCollection(file, registrations -> {
            List<Document> all = registrations.find().into(new ArrayList<>());
            assertThat(all).containsExactly(stored, new Document("_id", "reg-2").append("n", 2));
        });
    }

    @Test
    void aDocumentIsWrittenAsBsonAndOneBsonCannotHoldFallsBackToJavaSerialisation() {
        var plain = new de.bwaldvogel.mongo.bson.Document("_id", "a").append("n", 1);
        var odd = new de.bwaldvogel.mongo.bson.Document("_id", "b").append("locale", Locale.forLanguageTag("sv-SE"));

        ByteBuffer plainBytes = written(plain);
        ByteBuffer oddBytes = written(odd);

        assertThat(plainBytes.get(0)).isEqualTo((byte) 127);
        assertThat(oddBytes.get(0)).isNotEqualTo((byte) 127);
        assertThat(BsonDocumentType.INSTANCE.read(plainBytes)).isEqualTo(plain);
        assertThat(BsonDocumentType.INSTANCE.read(oddBytes)).isEqualTo(odd);
        assertThat(plainBytes.hasRemaining()).isFalse();
        assertThat(oddBytes.hasRemaining()).isFalse();
    }

    @Test
    void aDocumentThatGrewLargeIsCountedLargeForThePageSplits() {
        var small = new de.bwaldvogel.mongo.bson.Document("_id", "s").append("places", List.of());
        List<Object> places = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            places.add(new de.bwaldvogel.mongo.bson.Document("registrationId", "reg-" + i).append("ticket", i));
        }
        var large = new de.bwaldvogel.mongo.bson.Document("_id", "l").append("places", places);

        assertThat(BsonDocumentType.INSTANCE.getMemory(large))
                .isGreaterThan(100 * BsonDocumentType.INSTANCE.getMemory(small))
                .isGreaterThan(written(large).remaining());
    }

    private static ByteBuffer written(de.bwaldvogel.mongo.bson.Document document) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);
        return buffer.getBuffer().flip();
    }

    private static void withCollection(String file, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(DurableH2Backend.open(file, false));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build())) {
            use.accept(client.getDatabase("registration").getCollection("registrations"));
        } finally {
            server.shutdown();
        }
    }
}
