package io.backbench.repository.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.RepositoryLockedException;
import io.backbench.target.api.Capability;

/**
 * Lock files with restic's semantics: any number of shared locks, or one exclusive lock and nothing
 * else. A lock is stale when older than 30 minutes, or when it was made on this host by a process
 * that no longer runs. Creating one: check, write, check again (another process may have written at
 * the same moment), and back off on a conflict. Before the second check it waits 200 ms as restic
 * does, unless the target lists every write at once ({@link Capability#CONSISTENT_LISTING}): then of
 * two processes locking at the same moment, the later to write its file sees the other's. Held
 * locks are rewritten every 5 minutes (on a daemon timer thread) so others do not take them for
 * stale.
 */
final class Locker {
    static final Duration STALE_AFTER = Duration.ofMinutes(30);
    static final Duration REFRESH_EVERY = Duration.ofMinutes(5);
    static final long RECHECK_DELAY_MS = 200;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backbench-lock-refresh");
        t.setDaemon(true);
        return t;
    });

    private final Store store;
    private final CryptoKey key;
    private final int version;
    private final long recheckDelayMs;

    Locker(Store store, CryptoKey key, int version) {
        this.store = store;
        this.key = key;
        this.version = version;
        this.recheckDelayMs = recheckDelayMs(store.target.capabilities());
    }

    static long recheckDelayMs(Set<Capability> target) {
        return target.contains(Capability.CONSISTENT_LISTING) ? 0 : RECHECK_DELAY_MS;
    }

    record LockInfo(Instant time, boolean exclusive, String hostname, String username, long pid) {
    }

    RepositoryLock acquire(boolean exclusive) throws RepositoryException {
        checkConflicts(exclusive, null);
        Id id = write(exclusive);
        try {
            if (recheckDelayMs > 0) {
                Thread.sleep(recheckDelayMs);
            }
            checkConflicts(exclusive, id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.delete(Store.LOCKS + "/" + id.hex());
            throw new RepositoryException("interrupted while locking " + store.describe(), e);
        } catch (RepositoryException e) {
            store.delete(Store.LOCKS + "/" + id.hex());
            throw e;
        }
        return new Held(id, exclusive);
    }

    /** Removes stale lock files (restic's {@code unlock}); returns how many. */
    int removeStale() throws RepositoryException {
        int n = 0;
        for (Id id : store.list(Store.LOCKS)) {
            LockInfo info = load(id);
            if (info == null || stale(info)) {
                store.delete(Store.LOCKS + "/" + id.hex());
                n++;
            }
        }
        return n;
    }

    /** Removes every lock file (restic's {@code unlock --remove-all}); returns how many. */
    int removeAll() throws RepositoryException {
        int n = 0;
        for (Id id : store.list(Store.LOCKS)) {
            if (store.delete(Store.LOCKS + "/" + id.hex())) {
                n++;
            }
        }
        return n;
    }

    private void checkConflicts(boolean exclusive, Id ours) throws RepositoryException {
        for (Id id : store.list(Store.LOCKS)) {
            if (id.equals(ours)) {
                continue;
            }
            LockInfo other = load(id);
            if (other == null || stale(other)) {
                continue;
            }
            if (exclusive || other.exclusive()) {
                throw new RepositoryLockedException("repository " + store.describe() + " is already locked "
                        + (other.exclusive() ? "exclusively " : "") + "by PID " + other.pid() + " on " + other.hostname()
                        + " by " + other.username() + ", created at " + other.time() + " (lock " + id.shortHex()
                        + "). Wait for that operation to finish; if that process is gone, remove the stale lock (restic unlock).");
            }
        }
    }

    private LockInfo load(Id id) {
        try {
            Map<String, Object> m = JsonReader.parseObject(store.loadUnpacked(key, Store.LOCKS, id), "lock " + id.shortHex());
            return new LockInfo(GoTime.parse(Json.string(m, "time", "lock"), "lock"), Json.optBoolean(m, "exclusive"),
                    Json.optString(m, "hostname"), Json.optString(m, "username"), Json.optNumber(m, "pid"));
        } catch (RepositoryException e) {
            // removed while we listed, or unreadable: restic skips such files as well
            return null;
        }
    }

    static boolean stale(LockInfo l) {
        if (l.time().plus(STALE_AFTER).isBefore(Instant.now())) {
            return true;
        }
        if (Host.hostname().equals(l.hostname())) {
            return ProcessHandle.of(l.pid()).map(p -> !p.isAlive()).orElse(true);
        }
        return false;
    }

    private Id write(boolean exclusive) throws RepositoryException {
        long[] ids = Host.uidGid();
        JsonWriter w = new JsonWriter().beginObject().field("time", GoTime.format(Instant.now()))
                .name("exclusive").value(exclusive).field("hostname", Host.hostname()).field("username", Host.username())
                .field("pid", Host.pid());
        if (ids[0] != 0) {
            w.field("uid", ids[0]);
        }
        if (ids[1] != 0) {
            w.field("gid", ids[1]);
        }
        return store.saveUnpacked(key, version, Store.LOCKS, w.endObject().toBytes());
    }

    private final class Held implements RepositoryLock {
        private final boolean exclusive;
        private Id id;
        private final ScheduledFuture<?> refresher;
        private boolean closed;

        Held(Id id, boolean exclusive) {
            this.id = id;
            this.exclusive = exclusive;
            long period = REFRESH_EVERY.toMillis();
            this.refresher = TIMER.scheduleAtFixedRate(this::refresh, period, period, TimeUnit.MILLISECONDS);
        }

        // On the timer thread: write a fresh lock file, then remove the old one.
        private synchronized void refresh() {
            if (closed) {
                return;
            }
            try {
                Id fresh = write(exclusive);
                store.delete(Store.LOCKS + "/" + id.hex());
                id = fresh;
            } catch (RepositoryException e) {
                // the next period tries again; the old lock file still stands
            }
        }

        @Override
        public boolean exclusive() {
            return exclusive;
        }

        @Override
        public synchronized void close() throws RepositoryException {
            if (closed) {
                return;
            }
            closed = true;
            refresher.cancel(false);
            store.delete(Store.LOCKS + "/" + id.hex());
        }
    }
}
