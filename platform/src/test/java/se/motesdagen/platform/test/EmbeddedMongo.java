package se.motesdagen.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One MongoDB-compatible server per test JVM, shared by every Spring context that needs one. */
public final class EmbeddedMongo {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS = SERVER.bind();

    private EmbeddedMongo() {}

    public static String uri(String database) {
        return "mongodb://" + ADDRESS.getHostString() + ":" + ADDRESS.getPort() + "/" + database;
    }
}
