package se.motesdagen.devinfra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;

/** The store's tests talk to a backend the way the services do: through the MongoDB driver, over the wire. */
final class StoreClient {

    private StoreClient() {}

    /** Serves the backend on a free port for as long as {@code use} runs, with one of its collections. */
    static void withCollection(
            H2Backend backend, String database, String collection, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            use.accept(client.getDatabase(database).getCollection(collection));
        } finally {
            server.shutdown();
        }
    }

    static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
