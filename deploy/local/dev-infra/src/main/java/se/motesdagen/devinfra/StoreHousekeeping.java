package se.motesdagen.devinfra;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;

/**
 * Keeps the store's file from growing without end. An MVStore never overwrites a page in place: every
 * commit appends the changed pages as a new chunk, and an old chunk's space is used again only once
 * nothing in it is live. Its background thread normally copies the few live pages out of chunks that
 * are mostly dead; {@link DurableH2Backend} turns that thread off (it would also commit on its own,
 * outside {@link GroupCommit}), so nothing did it: after some 27,000 benchmark registrations the file
 * was 2.9 GB with 6 % of its chunk data live, and it kept growing with every commit.
 *
 * <p>This does the copying in a thread of its own: once a second, while less than half of the chunk
 * data is live, it rewrites up to a few megabytes of live pages from the emptiest old chunks (H2's
 * {@link MVStore#compact}) and commits them like any write, so the old chunks fall empty and their
 * space is written again. The file then stops growing; it does not shrink while the store runs.
 *
 * <p>Each pass also looks whether H2 has given the store up: after a write to the file fails (a full
 * disk, a heap too small for one commit's chunk) MVStore records a "panic" and every later commit
 * fails as well, so every request would be answered with an error for as long as the process lives.
 * The first pass that sees it calls {@code whenStoreFailed} (dev-infra then stops, and its supervisor
 * starts it again from the file's last commit: nothing acknowledged is lost).
 */
final class StoreHousekeeping implements AutoCloseable {

    /** Below this share of live data in the chunks, live pages are moved out of the emptiest chunks. */
    static final int TARGET_FILL_PERCENT = 50;
    /** Live bytes moved in one pass: the store's commits go on between passes. */
    static final int BYTES_PER_PASS = 4 * 1024 * 1024;

    private final MVStore store;
    private final GroupCommit commits;
    private final Runnable whenStoreFailed;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "store-housekeeping");
        t.setDaemon(true);
        return t;
    });
    // touched only by that thread
    private long passes;
    private long movedPasses;
    private long reportedMoved;
    private long lastReport = System.nanoTime();
    private boolean failureReported;

    StoreHousekeeping(MVStore store, GroupCommit commits, Runnable whenStoreFailed) {
        this.store = store;
        this.commits = commits;
        this.whenStoreFailed = whenStoreFailed;
    }

    void start(Duration interval) {
        thread.scheduleWithFixedDelay(
                this::passQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; whether it moved anything. */
    boolean pass() {
        if (store.isClosed() || store.getFileStore().getChunksFillRate() >= TARGET_FILL_PERCENT) {
            return false;
        }
        boolean moved = store.compact(TARGET_FILL_PERCENT, BYTES_PER_PASS);
        if (moved) {
            commits.makeDurable();
        }
        return moved;
    }

    /** One scheduled pass: tells of a store H2 has given up (once), or moves pages and reports it. */
    void passQuietly() {
        if (store.getPanicException() != null) {
            if (!failureReported) {
                failureReported = true;
                System.err.println("store failed: " + store.getPanicException());
                whenStoreFailed.run();
            }
            return;
        }
        try {
            passes++;
            if (pass()) {
                movedPasses++;
            }
            // a line when it first moves pages, then one a minute while it works, for whoever wonders
            // what the store's file is doing
            if (movedPasses > reportedMoved
                    && (reportedMoved == 0 || System.nanoTime() - lastReport > TimeUnit.MINUTES.toNanos(1))) {
                lastReport = System.nanoTime();
                reportedMoved = movedPasses;
                var file = store.getFileStore();
                System.out.printf(
                        "store housekeeping: file %d MB, %d %% of it in chunks, %d %% of their data live; %d of %d passes moved pages%n",
                        file.size() >> 20, file.getFillRate(), file.getChunksFillRate(), movedPasses, passes);
            }
        } catch (RuntimeException e) {
            // the next pass tries again; the store's own requests are not affected
            System.err.println("store housekeeping: " + e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
