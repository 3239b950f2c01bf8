package io.backbench.backup.api;

/**
 * Hears about a running restore; called from the restore's threads, so thread-safe and quick.
 * {@code progress} is called at most a few times a second.
 */
public interface RestoreListener {
    RestoreListener NONE = new RestoreListener() {
    };

    /** {@code bytesTotal} is the size of all selected files; known from the start. */
    default void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
    }

    default void error(String path, String message) {
    }
}
