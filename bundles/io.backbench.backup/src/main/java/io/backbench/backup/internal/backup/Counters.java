package io.backbench.backup.internal.backup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.backbench.backup.api.BackupProgress;

/** The running totals of one backup; updated from every pipeline thread. */
final class Counters {
    final AtomicLong filesNew = new AtomicLong();
    final AtomicLong filesChanged = new AtomicLong();
    final AtomicLong filesUnchanged = new AtomicLong();
    final AtomicLong dirs = new AtomicLong();
    final AtomicLong others = new AtomicLong();
    /** Folders whose tree the folder cache kept as it was, without loading it. */
    final AtomicLong foldersKept = new AtomicLong();
    final AtomicLong bytesDone = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong blobsNew = new AtomicLong();
    final AtomicLong bytesNew = new AtomicLong();
    final AtomicLong scanFiles = new AtomicLong();
    final AtomicLong scanBytes = new AtomicLong();
    volatile boolean scanDone;
    final AtomicReference<String> current = new AtomicReference<>();
    private final long startNanos = System.nanoTime();

    long filesDone() {
        return filesNew.get() + filesChanged.get() + filesUnchanged.get();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    BackupProgress snapshot() {
        Duration elapsed = elapsed();
        long done = bytesDone.get();
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        double rate = done / seconds;
        long total = Math.max(scanBytes.get(), done);
        Duration eta = null;
        if (scanDone && rate > 0) {
            eta = Duration.ofMillis((long) ((total - done) / rate * 1000));
        }
        long filesDone = filesDone();
        return new BackupProgress(filesDone, Math.max(scanFiles.get(), filesDone), done, total, bytesRead.get(),
                bytesNew.get(), rate, eta, scanDone, current.get(), elapsed);
    }
}
