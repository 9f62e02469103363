package se.motesdagen.devinfra;

import org.h2.mvstore.MVStore;

/**
 * Commits an MVStore for many writers at once. A writer that changed the store calls
 * {@link #makeDurable()} before it answers its client; it returns once a commit that began after the
 * change has finished. Writers that arrive while a commit runs wait for the next one, which then
 * covers all of them, so a busy store commits about as often as one commit takes, not once per write.
 *
 * <p>With {@code fsync} the file is also forced to the disk, which keeps acknowledged writes through a
 * power cut; without it they survive any crash of the process (the operating system holds them) but
 * not of the machine.
 */
final class GroupCommit {

    private final MVStore store;
    private final boolean fsync;
    private long requested;
    private long completed;
    private boolean committing;
    private long commits;

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
    }

    void makeDurable() {
        if (!store.hasUnsavedChanges()) {
            return;
        }
        long mine;
        synchronized (this) {
            mine = ++requested;
        }
        while (true) {
            long target;
            synchronized (this) {
                while (committing && completed < mine) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for a commit", e);
                    }
                }
                if (completed >= mine) {
                    return;
                }
                committing = true;
                target = requested;
            }
            boolean done = false;
            try {
                store.commit();
                if (fsync) {
                    store.sync();
                }
                done = true;
            } finally {
                synchronized (this) {
                    if (done) { // a failed commit acknowledges nothing: the waiters try again themselves
                        completed = Math.max(completed, target);
                        commits++;
                    }
                    committing = false;
                    notifyAll();
                }
            }
        }
    }

    synchronized long commits() {
        return commits;
    }
}
