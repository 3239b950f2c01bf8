package io.backbench.backup.api;

/**
 * The listing of a backup's sources, started before the backup itself ({@link FileBackup#scan}).
 * A backup given it takes over its thread and what it listed, and stops it when it ends; close it
 * when the backup is over (or when none follows: a wrong password), which stops it in any case.
 */
public interface SourceScan extends AutoCloseable {
    @Override
    void close();
}
