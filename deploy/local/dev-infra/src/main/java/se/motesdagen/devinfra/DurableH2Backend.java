package se.motesdagen.devinfra;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made to keep what it acknowledges. The stock backend opens its
 * MVStore with a background commit about once a second, so a write the client was told had succeeded
 * is lost when the process is killed within that second. Here the store never commits on its own;
 * every request that changed something is committed to the file before its answer goes back, with
 * concurrent requests sharing one commit ({@link GroupCommit}).
 */
final class DurableH2Backend extends H2Backend {

    private final GroupCommit commits;

    DurableH2Backend(MVStore store, GroupCommit commits) {
        super(store);
        this.commits = commits;
    }

    static DurableH2Backend open(String fileName, boolean fsync) {
        MVStore store =
                new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
        return new DurableH2Backend(store, new GroupCommit(store, fsync));
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
}
