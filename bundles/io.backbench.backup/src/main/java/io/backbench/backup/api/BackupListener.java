package io.backbench.backup.api;

/**
 * Hears about a running backup. {@link #progress} is called from a timer thread a few times a second
 * and once at the end; {@link #warning} from any pipeline thread. Implementations must be thread-safe
 * and quick.
 */
public interface BackupListener {
    BackupListener NONE = new BackupListener() {
    };

    default void progress(BackupProgress progress) {
    }

    /** A file or folder could not be read in full; the backup goes on without it. */
    default void warning(String path, String message) {
    }
}
